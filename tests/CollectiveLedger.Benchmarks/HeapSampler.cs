namespace CollectiveLedger.Benchmarks;

/// <summary>
/// Watches the managed heap while an operation runs: a background thread samples every 20 ms the
/// heap size as the last garbage collection left it (what is retained, give or take uncollected
/// older garbage) and the bytes currently allocated (which also count young garbage not yet
/// collected). Growth is the peak minus the heap after a full collection just before the operation.
/// With <c>forceCollections</c> each sample is taken after a full blocking collection instead: the
/// exact live heap, for work on several threads whose garbage makes the other figures noisy (the
/// forced collections slow the work, so such runs are not timed).
/// </summary>
internal sealed class HeapSampler : IDisposable
{
    private static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(20);
    private static readonly TimeSpan ForcedInterval = TimeSpan.FromMilliseconds(100);

    private readonly bool _forceCollections;
    private readonly long _heapBefore;
    private readonly long _allocatedBefore;
    private readonly Thread _thread;
    private readonly ManualResetEventSlim _stop = new();
    private long _peakHeap;
    private long _peakAllocated;

    private HeapSampler(bool forceCollections)
    {
        _forceCollections = forceCollections;
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
        _allocatedBefore = GC.GetTotalMemory(forceFullCollection: true);
        _heapBefore = GC.GetGCMemoryInfo().HeapSizeBytes;
        _peakHeap = _heapBefore;
        _peakAllocated = _allocatedBefore;
        _thread = new Thread(Loop) { IsBackground = true, Name = "heap sampler" };
        _thread.Start();
    }

    public static HeapSampler Start(bool forceCollections = false) => new(forceCollections);

    /// <summary>Peak heap size after a collection, minus the heap before: the retention measure.</summary>
    public long HeapGrowth { get; private set; }

    /// <summary>Peak of GC.GetTotalMemory(false), minus the same before: includes not-yet-collected garbage.</summary>
    public long AllocatedGrowth { get; private set; }

    /// <summary>Stops sampling (after one last sample) and fixes the growth figures.</summary>
    public void Stop()
    {
        if (_stop.IsSet) return;
        _stop.Set();
        _thread.Join();
        Sample();
        HeapGrowth = Math.Max(0, _peakHeap - _heapBefore);
        AllocatedGrowth = Math.Max(0, _peakAllocated - _allocatedBefore);
    }

    private void Loop()
    {
        do Sample();
        while (!_stop.Wait(_forceCollections ? ForcedInterval : Interval));
    }

    private void Sample()
    {
        if (_forceCollections)
        {
            var live = GC.GetTotalMemory(forceFullCollection: true);
            _peakHeap = Math.Max(_peakHeap, live - _allocatedBefore + _heapBefore);
            _peakAllocated = Math.Max(_peakAllocated, live);
            return;
        }
        _peakHeap = Math.Max(_peakHeap, GC.GetGCMemoryInfo().HeapSizeBytes);
        _peakAllocated = Math.Max(_peakAllocated, GC.GetTotalMemory(forceFullCollection: false));
    }

    public void Dispose()
    {
        Stop();
        _stop.Dispose();
    }
}
