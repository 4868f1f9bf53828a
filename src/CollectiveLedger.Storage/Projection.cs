using CollectiveLedger.Core.Ledger;
using CollectiveLedger.Core.Vouchers;

namespace CollectiveLedger.Storage;

/// <summary>One row of a projection table, values in the table's column order.</summary>
public sealed record Row(Table Table, object?[] Values)
{
    /// <summary>The primary key as text, for messages ("2025-03|7", "10201").</summary>
    public string Key => string.Join("|", Values.Take(Table.KeyColumns).Select(Cell.Text));

    /// <summary>Every column as <see cref="Cell.WriteQuoted"/> writes it, joined by commas: equal to the stored row's signature when the row is the same.</summary>
    public string Signature
    {
        get
        {
            using var buffer = new Core.PooledBuffer(256);
            WriteSignature(buffer);
            return System.Text.Encoding.UTF8.GetString(buffer.WrittenSpan);
        }
    }

    /// <summary>The signature as UTF-8 bytes, as the verify query returns it as a BLOB.</summary>
    public void WriteSignature(System.Buffers.IBufferWriter<byte> w)
    {
        for (var i = 0; i < Values.Length; i++)
        {
            if (i > 0) Cell.WriteAscii(w, ",");
            Cell.WriteQuoted(w, Values[i]);
        }
    }
}

/// <summary>
/// How each audit entry becomes table rows: each kind declares its rows (<see cref="LedgerEvent.Rows"/>),
/// naming the tables of <see cref="Table"/>. The write path inserts exactly these rows in the entry's
/// transaction, and verify derives them again from the log and compares them with the tables: one
/// definition, so the two cannot disagree. The projection is insert-only.
/// </summary>
public static class Projection
{
    /// <summary>
    /// A posted voucher's rows as <see cref="Verification.LiveVouchers"/> compares them: the voucher's
    /// row, '|', then its lines' rows joined by ';', each as <see cref="Row.WriteSignature"/> spells
    /// it, written straight from the event. Verify does this for every voucher, so it builds no
    /// <see cref="Row"/> (the rows, with their boxed numbers, are built only to name a difference);
    /// a test holds it equal to the rows of <see cref="RowsFor"/>.
    /// </summary>
    public static byte[] VoucherSignature(long seq, VoucherPosted p)
    {
        using var buffer = new Core.PooledBuffer(1024);
        var w = new SignatureWriter(buffer);
        var v = p.Voucher;
        w.Integer(seq); w.Period(v.Period); w.Integer(v.Number); w.Date(v.Date); w.Text(v.Kind.ToText()); w.Text(v.Ref); w.Text(v.Summary);
        w.Integer(v.Attachments); w.Period(v.Reverses?.Period); w.Integer(v.Reverses?.Number);
        w.Text(p.Origin?.Source); w.Integer(p.Origin?.Draft); w.Text(p.Origin?.Cashier); w.Text(v.AttachmentsReason);
        for (var i = 0; i < v.Lines.Length; i++)
        {
            w.EndRow(i == 0 ? "|" : ";");
            var l = v.Lines[i];
            w.Integer(seq); w.Integer(i + 1); w.Text(l.Account); w.Integer(l.Debit.Fen); w.Integer(l.Credit.Fen);
            w.Text(l.Fund); w.Text(l.Member); w.Text(l.Counterparty); w.Text(l.Summary);
        }
        if (v.Lines.Length == 0) w.EndRow("|");
        return buffer.WrittenSpan.ToArray();
    }

    /// <summary>Columns spelled as <see cref="Cell.WriteQuoted"/> does, comma-separated within a row.</summary>
    private ref struct SignatureWriter(System.Buffers.IBufferWriter<byte> w)
    {
        private bool _inRow;

        public void EndRow(string separator)
        {
            Cell.WriteAscii(w, separator);
            _inRow = false;
        }

        public void Integer(long? value)
        {
            Separate();
            if (value is { } n) Cell.WriteQuotedInteger(w, n); else Cell.WriteQuoted(w, null);
        }

        public void Text(string? value)
        {
            Separate();
            Cell.WriteQuoted(w, value);
        }

        /// <summary>YYYY-MM, as <see cref="Core.Periods.Period.ToString"/> spells it.</summary>
        public void Period(Core.Periods.Period? period)
        {
            Separate();
            if (period is not { } p) { Cell.WriteQuoted(w, null); return; }
            Span<byte> text = stackalloc byte[7];
            Digits(text[..4], p.Year); text[4] = (byte)'-'; Digits(text[5..], p.Month);
            Cell.WriteQuotedText(w, text);
        }

        /// <summary>YYYY-MM-DD, as <see cref="Core.Periods.IsoDate.Format"/> spells it.</summary>
        public void Date(DateOnly date)
        {
            Separate();
            Span<byte> text = stackalloc byte[10];
            Digits(text[..4], date.Year); text[4] = (byte)'-'; Digits(text[5..7], date.Month); text[7] = (byte)'-'; Digits(text[8..], date.Day);
            Cell.WriteQuotedText(w, text);
        }

        private void Separate()
        {
            if (_inRow) Cell.WriteAscii(w, ",");
            _inRow = true;
        }

        private static void Digits(Span<byte> into, int value)
        {
            for (var i = into.Length - 1; i >= 0; i--, value /= 10) into[i] = (byte)('0' + value % 10);
        }
    }

    /// <summary>The rows an entry adds, as its kind declares them (<see cref="LedgerEvent.Rows"/>), in the tables they name.</summary>
    public static IEnumerable<Row> RowsFor(long seq, LedgerEvent e)
    {
        foreach (var row in e.Rows(seq)) yield return new Row(Table.Named(row.Table), row.Values);
    }
}

/// <summary>Cell values as text, for comparisons and messages.</summary>
public static class Cell
{
    public static string Text(object? value) => value switch
    {
        null or DBNull => "null",
        long n => n.ToString(System.Globalization.CultureInfo.InvariantCulture),
        int n => n.ToString(System.Globalization.CultureInfo.InvariantCulture),
        string s => s,
        byte[] b => "x'" + Convert.ToHexStringLower(b) + "'",
        double d => d.ToString("R", System.Globalization.CultureInfo.InvariantCulture) + " (real)",
        _ => value.ToString() ?? "",
    };

    /// <summary>
    /// Writes a value as the verify query spells it (<see cref="Table"/>), in UTF-8: printf's %Q (NULL
    /// bare, anything else as text in single quotes with '' for '), a colon, and the value's length
    /// in UTF-8 bytes (0 for NULL).
    /// </summary>
    public static void WriteQuoted(System.Buffers.IBufferWriter<byte> w, object? value)
    {
        switch (value)
        {
            case null or DBNull:
                WriteAscii(w, "NULL:0");
                return;
            case long or int:
                WriteQuotedInteger(w, Convert.ToInt64(value, System.Globalization.CultureInfo.InvariantCulture));
                return;
            case string s:
                var rented = System.Buffers.ArrayPool<byte>.Shared.Rent(System.Text.Encoding.UTF8.GetMaxByteCount(s.Length));
                WriteQuotedText(w, rented.AsSpan(0, System.Text.Encoding.UTF8.GetBytes(s, rented)));
                System.Buffers.ArrayPool<byte>.Shared.Return(rented);
                return;
            default:
                throw new InvalidOperationException($"projection values are text, integers or null, not {value.GetType().Name}");
        }
    }

    /// <summary>Writes an integer as SQLite spells it as text: its decimal digits.</summary>
    public static void WriteQuotedInteger(System.Buffers.IBufferWriter<byte> w, long value)
    {
        Span<byte> digits = stackalloc byte[20];
        System.Buffers.Text.Utf8Formatter.TryFormat(value, digits, out var length);
        WriteQuotedText(w, digits[..length]);
    }

    /// <summary>
    /// Writes a value that is not NULL, given as its text in UTF-8 (an integer as its decimal digits,
    /// as SQLite reads any column as text), the way <see cref="WriteQuoted(System.Buffers.IBufferWriter{byte}, object?)"/> does.
    /// </summary>
    public static void WriteQuotedText(System.Buffers.IBufferWriter<byte> w, ReadOnlySpan<byte> utf8)
    {
        WriteAscii(w, "'");
        var rest = utf8;
        for (var quote = rest.IndexOf((byte)'\''); quote >= 0; quote = rest.IndexOf((byte)'\''))
        {
            WriteBytes(w, rest[..(quote + 1)]);
            WriteAscii(w, "'");
            rest = rest[(quote + 1)..];
        }
        WriteBytes(w, rest);
        WriteAscii(w, "':");
        System.Buffers.Text.Utf8Formatter.TryFormat(utf8.Length, w.GetSpan(11), out var written);
        w.Advance(written);
    }

    private static void WriteBytes(System.Buffers.IBufferWriter<byte> w, ReadOnlySpan<byte> bytes)
    {
        bytes.CopyTo(w.GetSpan(bytes.Length));
        w.Advance(bytes.Length);
    }

    public static void WriteAscii(System.Buffers.IBufferWriter<byte> w, string text)
    {
        var span = w.GetSpan(text.Length);
        for (var i = 0; i < text.Length; i++) span[i] = (byte)text[i];
        w.Advance(text.Length);
    }

    /// <summary>Equal in value and in type: a text '5' is not the integer 5.</summary>
    public static bool Same(object? a, object? b) => (a is null or DBNull) ? b is null or DBNull : a.Equals(b is int i ? (long)i : b);
}
