using System.Text.Json;
using CollectiveLedger.Core.Transactions;
using CollectiveLedger.Core.Validation;

namespace CollectiveLedger.Import;

/// <summary>
/// Reads register files: a JSON array of {"code", "name"} objects, with "parent" for accounts
/// (schemas/accounts.schema.json, schemas/dimension.schema.json); a fund's further fields are its
/// grant terms (text, or for "accounts" an array of codes). Registers are small: read whole.
/// </summary>
public static class RegisterFileReader
{
    public static IReadOnlyList<RegisterRecord> Read(string path, bool withParent, InputEncoding encoding, ICollection<Violation> problems)
    {
        var name = Path.GetFileName(path);
        if (!File.Exists(path))
        {
            problems.Add(new Violation(ViolationCode.FileNotFound, new Place(File: name), path));
            return [];
        }
        JsonDocument document;
        try
        {
            using var stream = InputEncodings.OpenAsUtf8(path, encoding);
            document = JsonDocument.Parse(stream, new JsonDocumentOptions { AllowDuplicateProperties = false });
        }
        catch (JsonException e)
        {
            problems.Add(new Violation(ViolationCode.MalformedJson, new Place(File: name, Line: (int)(e.LineNumber ?? 0) + 1), e.Message.Split(" Path:")[0]));
            return [];
        }
        catch (System.Text.DecoderFallbackException)
        {
            problems.Add(new Violation(ViolationCode.EncodingInvalid, new Place(File: name), encoding.Name()));
            return [];
        }
        using (document)
        {
            if (document.RootElement.ValueKind != JsonValueKind.Array)
            {
                problems.Add(new Violation(ViolationCode.FieldInvalid, new Place(File: name), "file", "expected a JSON array"));
                return [];
            }
            var records = new List<RegisterRecord>();
            var index = 0;
            foreach (var element in document.RootElement.EnumerateArray())
            {
                var place = new Place(File: name, Record: ++index);
                var code = Field(element, "code", place, problems);
                var recordName = Field(element, "name", place, problems);
                var parent = withParent ? Field(element, "parent", place, problems) : null;
                if (code is not null && recordName is not null && (!withParent || parent is not null))
                    records.Add(new RegisterRecord(place with { Ref = code }, code, recordName, parent, Details(element, place, problems)));
            }
            return records;
        }
    }

    private static Dictionary<string, string>? Details(JsonElement element, Place place, ICollection<Violation> problems)
    {
        Dictionary<string, string>? details = null;
        foreach (var p in element.EnumerateObject().Where(p => p.Name is not ("code" or "name" or "parent")))
        {
            details ??= [];
            var text = p.Value.ValueKind switch
            {
                JsonValueKind.String => p.Value.GetString(),
                JsonValueKind.Null => null,
                // A member household's counts may be JSON integers; amounts and dates stay strings.
                JsonValueKind.Number when p.Name is "household_size" or "shares" && p.Value.TryGetInt64(out var count) =>
                    count.ToString(System.Globalization.CultureInfo.InvariantCulture),
                JsonValueKind.Array when p.Value.EnumerateArray().All(a => a.ValueKind == JsonValueKind.String) =>
                    string.Join(",", p.Value.EnumerateArray().Select(a => a.GetString())),
                _ => Invalid(),
            };
            if (text is not null) details[p.Name] = text;

            string? Invalid()
            {
                problems.Add(new Violation(ViolationCode.FieldInvalid, place.WithField(p.Name), p.Name, "expected text (amounts and dates as strings)"));
                return null;
            }
        }
        return details;
    }

    private static string? Field(JsonElement element, string field, Place place, ICollection<Violation> problems)
    {
        if (element.ValueKind == JsonValueKind.Object && element.TryGetProperty(field, out var value) && value.ValueKind == JsonValueKind.String)
        {
            try
            {
                return value.GetString();
            }
            catch (InvalidOperationException)
            {
                problems.Add(new Violation(ViolationCode.FieldInvalid, place.WithField(field), field, "not valid Unicode text"));
                return null;
            }
        }
        problems.Add(new Violation(ViolationCode.FieldMissing, place.WithField(field), field));
        return null;
    }
}
