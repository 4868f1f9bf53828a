using CollectiveLedger.Core.Validation;

namespace CollectiveLedger.Web;

/// <summary>
/// Core's violations sorted by the form field they name (<see cref="Place.Field"/>: "date",
/// "lines[2].account"...), so that each is shown next to its field; the rest go above the form.
/// Messages are Core's own, in the reader's language, with the stable code.
/// </summary>
public sealed class FieldProblems
{
    private readonly Dictionary<string, List<string>> _byField = new(StringComparer.Ordinal);
    private readonly HashSet<string> _shown = new(StringComparer.Ordinal);

    public FieldProblems() { }

    public FieldProblems(IEnumerable<Violation> violations, Language language)
    {
        foreach (var v in violations) Add(v.Place.Field ?? "", $"{v.Message(language)} [{v.Code}]");
    }

    public bool Any => _byField.Count > 0;

    public void Add(string field, string message)
    {
        if (!_byField.TryGetValue(field, out var list)) _byField[field] = list = [];
        list.Add(message);
    }

    /// <summary>The messages about one field (and marks them shown).</summary>
    public IReadOnlyList<string> For(string field)
    {
        _shown.Add(field);
        return _byField.GetValueOrDefault(field) ?? [];
    }

    /// <summary>Messages about no field or about fields the page has no place for: call after the fields were rendered... or before, naming them.</summary>
    public IReadOnlyList<string> Others(IEnumerable<string> fieldsOnPage)
    {
        var placed = new HashSet<string>(fieldsOnPage, StringComparer.Ordinal);
        return [.. _byField.Where(p => !placed.Contains(p.Key)).SelectMany(p => p.Value)];
    }
}
