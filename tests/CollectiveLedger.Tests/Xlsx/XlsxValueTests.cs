using CollectiveLedger.Import.Xlsx;

namespace CollectiveLedger.Tests.Xlsx;

/// <summary>How a cell's stored value becomes the text a voucher file would hold: numbers within float error, date serials, dates typed as text.</summary>
public class XlsxValueTests
{
    [TestCase("0.30000000000000004", "0.3")]
    [TestCase("1199.9999999999998", "1200")]
    [TestCase("12000", "12000")]
    [TestCase("1234.5", "1234.5")]
    [TestCase("0.1", "0.1")]
    [TestCase("99999999999.99", "99999999999.99")]
    [TestCase("0.301", "0.301")]
    [TestCase("12.345", "12.345")]
    [TestCase("100.00499999999999", "100.005")]
    [TestCase("1E+20", "100000000000000000000")]
    [TestCase("-5", "-5")]
    [TestCase("1.7976931348623157E+308", "1.79769313486232E+308")]
    public void A_number_cell_is_read_as_excel_shows_it_to_fifteen_significant_digits(string stored, string read)
    {
        Assert.That(XlsxValues.NumberText(stored), Is.EqualTo(read));
    }

    [TestCase("45658", false, "2025-01-01")]
    [TestCase("45721.75", false, "2025-03-05")]
    [TestCase("1", false, "1900-01-01")]
    [TestCase("59", false, "1900-02-28")]
    [TestCase("61", false, "1900-03-01")]
    [TestCase("60", false, "60")]
    [TestCase("0", true, "0")]
    [TestCase("44196", true, "2025-01-01")]
    [TestCase("99999999", false, "99999999")]
    public void A_date_serial_counts_days_in_the_workbooks_date_system(string stored, bool date1904, string date)
    {
        Assert.That(XlsxValues.SerialDate(stored, date1904), Is.EqualTo(date));
    }

    [TestCase("2025-03-05", "2025-03-05")]
    [TestCase("2025/3/5", "2025-03-05")]
    [TestCase("2025.3.5", "2025-03-05")]
    [TestCase("2025年3月5日", "2025-03-05")]
    [TestCase("2025-02-30", "2025-02-30")]
    [TestCase("5/3/2025", "5/3/2025")]
    public void A_date_typed_as_text_is_read_in_the_forms_village_accountants_write(string text, string date)
    {
        Assert.That(XlsxVoucherReader.TextDate(text), Is.EqualTo(date));
    }

    [TestCase("借方", "debit")]
    [TestCase("借方金额", "debit")]
    [TestCase("debit", "debit")]
    [TestCase("贷方 credit", "credit")]
    [TestCase("凭证字号", "ref")]
    [TestCase("line_summary", "line_summary")]
    [TestCase("备注", null)]
    public void A_header_names_its_field_in_chinese_or_in_the_csv_contracts_english(string header, string? field)
    {
        Assert.That(XlsxVoucherReader.FieldOf(header), Is.EqualTo(field));
    }
}
