namespace CollectiveLedger.Cli;

/// <summary>A mistake in how the command was typed: exit code 2 with the usage line.</summary>
public sealed class UsageException(string message) : Exception(message);

/// <summary>
/// The command line after the global options: positional words, and options that are either flags
/// or take one value (and may repeat). Every option a command reads is marked used; an option nobody
/// reads is a usage error, so typos never pass silently.
/// </summary>
public sealed class Args
{
    private static readonly HashSet<string> Flags = ["--dry-run", "--help", "--carry-forward", "--approve", "--items", "--password-stdin", "--nominal"];
    private readonly List<string> _positional = [];
    private readonly Dictionary<string, List<string>> _options = new(StringComparer.Ordinal);
    private readonly HashSet<string> _used = [];

    public Args(IEnumerable<string> words)
    {
        using var e = words.GetEnumerator();
        while (e.MoveNext())
        {
            var word = e.Current;
            if (word.StartsWith("--", StringComparison.Ordinal) && word.Length > 2)
            {
                var eq = word.IndexOf('=');
                var (name, value) = eq > 0 ? (word[..eq], word[(eq + 1)..]) : (word, null);
                if (value is null && !Flags.Contains(name))
                    value = e.MoveNext() ? e.Current : throw new UsageException($"{name} needs a value");
                if (!_options.TryGetValue(name, out var list)) _options[name] = list = [];
                list.Add(value ?? "true");
            }
            else _positional.Add(word);
        }
    }

    public int Count => _positional.Count;

    public string Positional(int index, string what) =>
        index < _positional.Count ? _positional[index] : throw new UsageException($"missing {what}");

    public string? Option(string name)
    {
        _used.Add(name);
        return _options.TryGetValue(name, out var values) ? values[^1] : null;
    }

    public string Required(string name) => Option(name) ?? throw new UsageException($"{name} is required");

    public IReadOnlyList<string> All(string name)
    {
        _used.Add(name);
        return _options.TryGetValue(name, out var values) ? values : [];
    }

    public bool Flag(string name) => Option(name) is not null;

    /// <summary>Refuses options no command read and positional words beyond <paramref name="positionalCount"/>.</summary>
    public void Done(int positionalCount)
    {
        var unknown = _options.Keys.FirstOrDefault(k => !_used.Contains(k));
        if (unknown is not null) throw new UsageException($"unknown option {unknown}");
        if (_positional.Count > positionalCount) throw new UsageException($"unexpected argument '{_positional[positionalCount]}'");
    }
}
