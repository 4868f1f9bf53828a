using System.Text;

namespace CollectiveLedger.Import;

/// <summary>
/// RFC 4180 records from a text reader: commas, double-quoted fields with "" for a quote, line
/// breaks inside quotes, CRLF or LF. Each record carries the line it starts on.
/// </summary>
internal static class CsvRecords
{
    public static IEnumerable<(int Line, List<string> Fields)> Read(TextReader reader)
    {
        var line = 1;
        var fields = new List<string>();
        var field = new StringBuilder();
        var inQuotes = false;
        var start = 1;
        var any = false;
        int c;
        while ((c = reader.Read()) >= 0)
        {
            any = true;
            if (inQuotes)
            {
                if (c == '"')
                {
                    if (reader.Peek() == '"') { reader.Read(); field.Append('"'); }
                    else inQuotes = false;
                }
                else
                {
                    if (c == '\n') line++;
                    field.Append((char)c);
                }
                continue;
            }
            switch (c)
            {
                case '"' when field.Length == 0: inQuotes = true; break;
                case '"': throw new FormatException($"line {line}: a quote inside an unquoted field (quote the whole field and double the quote)");
                case ',': fields.Add(field.ToString()); field.Clear(); break;
                case '\r': break;
                case '\n':
                    fields.Add(field.ToString());
                    field.Clear();
                    yield return (start, fields);
                    fields = [];
                    line++;
                    start = line;
                    any = false;
                    break;
                default: field.Append((char)c); break;
            }
        }
        if (inQuotes) throw new FormatException($"line {start}: a quoted field is never closed");
        if (any)
        {
            fields.Add(field.ToString());
            yield return (start, fields);
        }
    }
}
