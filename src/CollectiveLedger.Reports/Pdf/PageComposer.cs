namespace CollectiveLedger.Reports.Pdf;

/// <summary>
/// The layout cursor: the items of the pages finished so far, the page being filled and how far
/// down it is filled. Blocks ask it whether something fits and start a new page when it does not.
/// </summary>
internal sealed class PageComposer(PageGeometry geometry)
{
    /// <summary>Tolerance for float rounding when something fits exactly.</summary>
    private const float Epsilon = 0.01f;

    private readonly List<IReadOnlyList<PageItem>> finished = [];
    private List<PageItem> current = [];

    public PageGeometry Geometry => geometry;

    /// <summary>Top of the free space on the current page.</summary>
    public float Y { get; private set; } = geometry.ContentTop;

    /// <summary>Bottom of the last content placed, not counting the gap after it.</summary>
    public float InkBottom { get; private set; } = geometry.ContentTop;

    public float Remaining => geometry.ContentBottom - Y;

    /// <summary>True when nothing has been placed on this page: starting a new one would not help.</summary>
    public bool AtTopOfPage => Y <= geometry.ContentTop;

    public bool Fits(float height) => height <= Remaining + Epsilon;

    /// <summary>Starts a new page unless <paramref name="height"/> fits here or this page is still empty.</summary>
    public void EnsureRoom(float height)
    {
        if (!Fits(height) && !AtTopOfPage) NewPage();
    }

    public void Add(PageItem item) => current.Add(item);

    /// <summary>Claims <paramref name="height"/> of content from the top of the free space and returns its top.</summary>
    public float Take(float height)
    {
        var top = Y;
        Y += height;
        InkBottom = Y;
        return top;
    }

    /// <summary>White space after a block; it may run past the bottom, which only means the next block starts a page.</summary>
    public void Gap(float height) => Y += height;

    /// <summary>Leaves the space down to <paramref name="y"/> empty (the bottom half of a sheet starts there).</summary>
    public void MoveDownTo(float y)
    {
        if (y > Y) Y = y;
    }

    public void NewPage()
    {
        finished.Add(current);
        current = [];
        Y = geometry.ContentTop;
        InkBottom = geometry.ContentTop;
    }

    /// <summary>All pages, the current one included; a document always has at least one page.</summary>
    public IReadOnlyList<IReadOnlyList<PageItem>> Finish()
    {
        finished.Add(current);
        current = [];
        return finished;
    }
}
