using System.Text;
using System.Text.Json;
using CollectiveLedger.Core.Validation;
using CollectiveLedger.Core.Vouchers;

namespace CollectiveLedger.Import;

/// <summary>
/// Reads a voucher file (DESIGN.md section 3, schemas/voucher.schema.json): a JSON array, JSON
/// Lines, CSV, or an .xlsx workbook (<see cref="Xlsx.XlsxVoucherReader"/>); text in UTF-8 (with or without BOM) or GB18030. Streams: one voucher at a time, so a file
/// of any size is read in bounded memory. A problem that ends reading (bad encoding, broken JSON or
/// CSV) is added to <c>fileProblems</c> with its place, and the sequence ends.
/// </summary>
public static class VoucherFileReader
{
    public const string CsvHeader = "ref,date,summary,attachments,kind,account,debit,credit,fund,member,counterparty,line_summary";
    private static readonly string[] CsvColumns = CsvHeader.Split(',');
    private static readonly HashSet<string> VoucherFields = ["ref", "date", "summary", "attachments", "attachments_reason", "kind", "lines", "cashier"];
    private static readonly JsonSerializerOptions StrictJson = new() { AllowDuplicateProperties = false };
    private static readonly HashSet<string> LineFields = ["account", "account_name", "debit", "credit", "summary", "fund", "member", "counterparty"];

    /// <summary>An optional CSV column after the normative ones: the account's name beside its code, checked against the chart.</summary>
    public const string AccountNameColumn = "account_name";

    /// <summary>An optional CSV column: why a cash or bank voucher has no attachments (on its first row, like attachments).</summary>
    public const string AttachmentsReasonColumn = "attachments_reason";

    public static IEnumerable<ParsedVoucher> Read(string path, InputEncoding encoding, ICollection<Violation> fileProblems)
    {
        var name = Path.GetFileName(path);
        if (!File.Exists(path))
        {
            fileProblems.Add(new Violation(ViolationCode.FileNotFound, new Place(File: name), path));
            return [];
        }
        var extension = Path.GetExtension(path).ToLowerInvariant();
        if (extension == ".xlsx") return Xlsx.XlsxVoucherReader.Read(path, name, fileProblems);
        if (extension == ".csv") return ReadCsv(path, name, encoding, fileProblems);
        if (extension is ".jsonl" or ".ndjson") return ReadJsonLines(path, name, encoding, fileProblems);
        return FirstSignificantChar(path, encoding) switch
        {
            '[' => ReadJsonArray(path, name, encoding, fileProblems),
            '{' => ReadJsonLines(path, name, encoding, fileProblems),
            _ when extension == ".json" => ReadJsonArray(path, name, encoding, fileProblems),
            _ => ReadCsv(path, name, encoding, fileProblems),
        };
    }

    private static char? FirstSignificantChar(string path, InputEncoding encoding)
    {
        try
        {
            using var reader = new StreamReader(InputEncodings.OpenAsUtf8(path, encoding), Encoding.UTF8);
            int c;
            while ((c = reader.Read()) >= 0) if (!char.IsWhiteSpace((char)c)) return (char)c;
        }
        catch (DecoderFallbackException) { }
        return null;
    }

    private static IEnumerable<ParsedVoucher> ReadJsonArray(string path, string name, InputEncoding encoding, ICollection<Violation> fileProblems)
    {
        using var stream = InputEncodings.OpenAsUtf8(path, encoding);
        using var elements = JsonSerializer.DeserializeAsyncEnumerable<JsonElement>(stream, topLevelValues: false, StrictJson).ToBlockingEnumerable().GetEnumerator();
        for (var index = 1; ; index++)
        {
            JsonElement element;
            try
            {
                if (!elements.MoveNext()) yield break;
                element = elements.Current;
            }
            catch (JsonException e)
            {
                fileProblems.Add(new Violation(ViolationCode.MalformedJson, new Place(File: name, Line: (int)(e.LineNumber ?? 0) + 1), JsonProblem(e)));
                yield break;
            }
            catch (DecoderFallbackException)
            {
                fileProblems.Add(new Violation(ViolationCode.EncodingInvalid, new Place(File: name), encoding.Name()));
                yield break;
            }
            yield return FromJson(element, new Place(File: name, Record: index));
        }
    }

    private static IEnumerable<ParsedVoucher> ReadJsonLines(string path, string name, InputEncoding encoding, ICollection<Violation> fileProblems)
    {
        using var reader = new StreamReader(InputEncodings.OpenAsUtf8(path, encoding), Encoding.UTF8);
        for (var lineNumber = 1; ; lineNumber++)
        {
            string? line;
            try
            {
                line = reader.ReadLine();
            }
            catch (DecoderFallbackException)
            {
                fileProblems.Add(new Violation(ViolationCode.EncodingInvalid, new Place(File: name, Line: lineNumber), encoding.Name()));
                yield break;
            }
            if (line is null) yield break;
            if (string.IsNullOrWhiteSpace(line)) continue;
            var place = new Place(File: name, Line: lineNumber);
            JsonDocument? document = null;
            Violation? malformed = null;
            try
            {
                document = JsonDocument.Parse(line, new JsonDocumentOptions { AllowDuplicateProperties = false });
            }
            catch (JsonException e)
            {
                malformed = new Violation(ViolationCode.MalformedJson, place, JsonProblem(e));
            }
            if (document is null)
            {
                yield return new ParsedVoucher(null, [malformed!]);
                continue;
            }
            using (document) yield return FromJson(document.RootElement, place);
        }
    }

    private static string JsonProblem(JsonException e) =>
        e.Message.Split(" Path:", 2)[0].Split(" LineNumber:", 2)[0].TrimEnd('.', ' ');

    private static ParsedVoucher FromJson(JsonElement element, Place place)
    {
        var problems = new List<Violation>();
        if (element.ValueKind != JsonValueKind.Object)
            return new ParsedVoucher(null, [new Violation(ViolationCode.FieldInvalid, place, "voucher", "expected a JSON object")]);
        var reference = Text(element, "ref", place, problems);
        place = place with { Ref = reference };
        foreach (var p in element.EnumerateObject().Where(p => !VoucherFields.Contains(p.Name)))
            problems.Add(new Violation(ViolationCode.FieldUnknown, place, p.Name));
        var lines = new List<VoucherLineInput>();
        if (!element.TryGetProperty("lines", out var array) || array.ValueKind == JsonValueKind.Null)
            problems.Add(new Violation(ViolationCode.FieldMissing, place.WithField("lines"), "lines"));
        else if (array.ValueKind != JsonValueKind.Array)
            problems.Add(new Violation(ViolationCode.FieldInvalid, place.WithField("lines"), "lines", "expected an array"));
        else
        {
            var i = 0;
            foreach (var l in array.EnumerateArray())
            {
                var linePlace = place.WithField($"lines[{i++}]");
                if (l.ValueKind != JsonValueKind.Object)
                {
                    problems.Add(new Violation(ViolationCode.FieldInvalid, linePlace, "line", "expected a JSON object"));
                    continue;
                }
                foreach (var p in l.EnumerateObject().Where(p => !LineFields.Contains(p.Name)))
                    problems.Add(new Violation(ViolationCode.FieldUnknown, linePlace, p.Name));
                lines.Add(new VoucherLineInput(linePlace, Text(l, "account", linePlace, problems), Text(l, "debit", linePlace, problems),
                    Text(l, "credit", linePlace, problems), Text(l, "fund", linePlace, problems), Text(l, "member", linePlace, problems),
                    Text(l, "counterparty", linePlace, problems), Text(l, "summary", linePlace, problems), Text(l, "account_name", linePlace, problems)));
            }
        }
        var attachments = element.TryGetProperty("attachments", out var a) && a.ValueKind == JsonValueKind.Number ? a.GetRawText() : Text(element, "attachments", place, problems);
        var input = new VoucherInput(place, reference, Text(element, "date", place, problems), Text(element, "summary", place, problems),
            attachments, Text(element, "kind", place, problems), lines, Text(element, "cashier", place, problems),
            Text(element, "attachments_reason", place, problems));
        return new ParsedVoucher(input, problems);
    }

    /// <summary>A string field; absent, null and "" are all null. Numbers are refused with a hint (amounts are strings).</summary>
    private static string? Text(JsonElement obj, string name, Place place, List<Violation> problems)
    {
        if (!obj.TryGetProperty(name, out var value)) return null;
        switch (value.ValueKind)
        {
            case JsonValueKind.Null: return null;
            case JsonValueKind.String:
                try
                {
                    return value.GetString() is { Length: > 0 } s ? s : null;
                }
                catch (InvalidOperationException)
                {
                    // A lone UTF-16 surrogate (\ud800) decodes to no character at all.
                    problems.Add(new Violation(ViolationCode.FieldInvalid, place.WithField(name), name, "not valid Unicode text"));
                    return null;
                }
            default:
                problems.Add(new Violation(ViolationCode.FieldInvalid, place.WithField(name), name,
                    value.ValueKind == JsonValueKind.Number ? $"{value.GetRawText()} must be written as a string, e.g. \"{value.GetRawText()}\"" : "expected a string"));
                return null;
        }
    }

    private static IEnumerable<ParsedVoucher> ReadCsv(string path, string name, InputEncoding encoding, ICollection<Violation> fileProblems)
    {
        using var reader = new StreamReader(InputEncodings.OpenAsUtf8(path, encoding), Encoding.UTF8);
        using var records = CsvRecords.Read(reader).GetEnumerator();
        int[]? columns = null;
        var width = CsvColumns.Length;
        List<(int Line, List<string> Fields)> group = [];
        var seenRefs = new HashSet<string>(StringComparer.Ordinal);
        while (true)
        {
            (int Line, List<string> Fields) record;
            try
            {
                if (!records.MoveNext()) break;
                record = records.Current;
            }
            catch (DecoderFallbackException)
            {
                fileProblems.Add(new Violation(ViolationCode.EncodingInvalid, new Place(File: name), encoding.Name()));
                yield break;
            }
            catch (FormatException e)
            {
                fileProblems.Add(new Violation(ViolationCode.MalformedCsv, new Place(File: name), e.Message));
                yield break;
            }
            if (columns is null)
            {
                columns = HeaderColumns(record.Fields);
                width = record.Fields.Count;
                if (columns is null)
                {
                    fileProblems.Add(new Violation(ViolationCode.MalformedCsv, new Place(File: name, Line: record.Line), "the header must be " + CsvHeader + " (optionally with account_name and attachments_reason)"));
                    yield break;
                }
                continue;
            }
            if (record.Fields.All(string.IsNullOrWhiteSpace)) continue;
            if (record.Fields.Count != width)
            {
                fileProblems.Add(new Violation(ViolationCode.MalformedCsv, new Place(File: name, Line: record.Line),
                    $"expected {width} fields, found {record.Fields.Count}"));
                yield break;
            }
            var fields = columns.Select(c => c < 0 ? "" : record.Fields[c]).ToList();
            if (group.Count > 0 && !SameVoucher(group[0].Fields, fields))
            {
                yield return FromCsv(group, name, seenRefs);
                group = [];
            }
            group.Add((record.Line, fields));
        }
        if (columns is null)
            fileProblems.Add(new Violation(ViolationCode.MalformedCsv, new Place(File: name, Line: 1), "the file is empty; the header must be " + CsvHeader));
        if (group.Count > 0) yield return FromCsv(group, name, seenRefs);
    }

    /// <summary>
    /// Where each normative column sits in the file's header (any order; all must be there), then the
    /// optional account_name and attachments_reason columns (-1 when absent); no other column.
    /// </summary>
    private static int[]? HeaderColumns(List<string> header)
    {
        var names = header.Select(h => h.Trim().ToLowerInvariant()).ToList();
        var positions = CsvColumns.Select(c => names.IndexOf(c)).ToArray();
        var nameColumn = names.IndexOf(AccountNameColumn);
        var reasonColumn = names.IndexOf(AttachmentsReasonColumn);
        var expected = CsvColumns.Length + (nameColumn < 0 ? 0 : 1) + (reasonColumn < 0 ? 0 : 1);
        return positions.Any(p => p < 0) || names.Count != expected ? null : [.. positions, nameColumn, reasonColumn];
    }

    /// <summary>Consecutive rows with the same ref form one voucher (so in CSV every row carries its voucher's ref).</summary>
    private static bool SameVoucher(List<string> first, List<string> row) => row[0] == first[0];

    /// <summary>
    /// One voucher from its consecutive rows. Its own fields (ref, date, summary, attachments, kind)
    /// come from the first row; a later row that states them differently, or a ref whose rows are not
    /// all together, is a problem rather than something silently ignored.
    /// </summary>
    private static ParsedVoucher FromCsv(List<(int Line, List<string> Fields)> rows, string name, HashSet<string> seenRefs)
    {
        var head = rows[0].Fields;
        var place = new Place(File: name, Line: rows[0].Line, Ref: Null(head[0]));
        var problems = new List<Violation>();
        if (head[0].Length == 0)
            problems.Add(new Violation(ViolationCode.FieldMissing, place.WithField("ref"), "ref (in CSV every row carries its voucher's ref: it is how rows form vouchers)"));
        else if (!seenRefs.Add(head[0]))
            problems.Add(new Violation(ViolationCode.FieldInvalid, place.WithField("ref"), "ref", $"{head[0]} appears again apart from its first rows; a voucher's rows must be consecutive"));
        foreach (var (line, fields) in rows.Skip(1))
            for (var c = 1; c < 5; c++)
                if (fields[c].Length > 0 && fields[c] != head[c])
                    problems.Add(new Violation(ViolationCode.FieldInvalid, new Place(File: name, Line: line, Ref: Null(head[0]), Field: CsvColumns[c]), CsvColumns[c],
                        $"'{fields[c]}' differs from the voucher's first row ('{head[c]}')"));
        var lines = rows.Select(r => new VoucherLineInput(new Place(File: name, Line: r.Line, Ref: Null(head[0])), Null(r.Fields[5]), Null(r.Fields[6]),
            Null(r.Fields[7]), Null(r.Fields[8]), Null(r.Fields[9]), Null(r.Fields[10]), Null(r.Fields[11]), Null(r.Fields[12]))).ToList();
        // attachments_reason belongs to the voucher, like attachments: stated on its first row, the same or empty on the others.
        foreach (var (line, fields) in rows.Skip(1))
            if (fields[13].Length > 0 && fields[13] != head[13])
                problems.Add(new Violation(ViolationCode.FieldInvalid, new Place(File: name, Line: line, Ref: Null(head[0]), Field: AttachmentsReasonColumn), AttachmentsReasonColumn,
                    $"'{fields[13]}' differs from the voucher's first row ('{head[13]}')"));
        return new ParsedVoucher(new VoucherInput(place, Null(head[0]), Null(head[1]), Null(head[2]), Null(head[3]), Null(head[4]), lines,
            AttachmentsReason: Null(head[13])), problems);
    }

    private static string? Null(string field) => field.Length == 0 ? null : field;
}
