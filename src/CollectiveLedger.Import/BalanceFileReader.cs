using System.Text;
using CollectiveLedger.Core.Chart;
using CollectiveLedger.Core.Validation;

namespace CollectiveLedger.Import;

/// <summary>
/// Reads a 科目余额表 (account balance list) saved as CSV: one row per account with its code, name,
/// debit balance and credit balance; UTF-8 or GB18030 like every other import. The header names the
/// columns, in English or as Chinese accounting programs print them: <c>code</c> 科目编码/科目代码,
/// <c>name</c> 科目名称, <c>debit</c> 借方余额/期末借方余额, <c>credit</c> 贷方余额/期末贷方余额; other
/// columns (opening balances, turnover) are ignored. Small: read whole.
/// </summary>
public static class BalanceFileReader
{
    private static readonly (string Column, string[] Names)[] Columns =
    [
        ("code", ["code", "科目编码", "科目代码", "科目编号"]),
        ("name", ["name", "科目名称"]),
        ("debit", ["debit", "借方余额", "期末借方余额", "借方"]),
        ("credit", ["credit", "贷方余额", "期末贷方余额", "贷方"]),
    ];

    public static IReadOnlyList<BalanceRow2004> Read(string path, InputEncoding encoding, ICollection<Violation> problems)
    {
        var file = Path.GetFileName(path);
        if (!File.Exists(path))
        {
            problems.Add(new Violation(ViolationCode.FileNotFound, new Place(File: file), path));
            return [];
        }
        var rows = new List<BalanceRow2004>();
        int[]? at = null;
        try
        {
            using var reader = new StreamReader(InputEncodings.OpenAsUtf8(path, encoding), Encoding.UTF8);
            foreach (var (line, fields) in CsvRecords.Read(reader))
            {
                if (fields.All(string.IsNullOrWhiteSpace)) continue;
                if (at is null)
                {
                    var header = fields.Select(f => f.Trim().ToLowerInvariant()).ToList();
                    at = [.. Columns.Select(c => header.FindIndex(h => c.Names.Contains(h)))];
                    if (at.Any(i => i < 0))
                    {
                        problems.Add(new Violation(ViolationCode.MalformedCsv, new Place(File: file, Line: line),
                            "the header must name the columns code (科目编码), name (科目名称), debit (借方余额) and credit (贷方余额)"));
                        return [];
                    }
                    continue;
                }
                string Field(int column) => at[column] < fields.Count ? fields[at[column]].Trim() : "";
                rows.Add(new BalanceRow2004(new Place(File: file, Line: line), Field(0), Field(1), Field(2), Field(3)));
            }
        }
        catch (DecoderFallbackException)
        {
            problems.Add(new Violation(ViolationCode.EncodingInvalid, new Place(File: file), encoding.Name()));
            return [];
        }
        catch (FormatException e)
        {
            problems.Add(new Violation(ViolationCode.MalformedCsv, new Place(File: file), e.Message));
            return [];
        }
        if (at is null) problems.Add(new Violation(ViolationCode.MalformedCsv, new Place(File: file, Line: 1), "the file is empty"));
        return rows;
    }
}
