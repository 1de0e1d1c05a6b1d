namespace Metrics.Core.Storage;

/// <summary>
/// A day as <c>yyyy-MM-dd</c> in ASCII bytes, as EF Core's SQLite provider stores it and CSV exports write it. A custom
/// format string through <see cref="DateOnly.TryFormat(Span{byte}, out int, ReadOnlySpan{char}, IFormatProvider?)"/>
/// took a third of the SQLite ingest's client time (docs/benchmarks.md, ingest); this is digit arithmetic.
/// </summary>
internal static class IsoDays
{
    public const int Length = 10;

    /// <summary>Writes the day's ten bytes to the start of <paramref name="into"/>.</summary>
    public static int Write(DateOnly day, Span<byte> into)
    {
        var (year, month, dayOfMonth) = day;
        var text = into[..Length];
        text[0] = (byte)('0' + (year / 1000));
        text[1] = (byte)('0' + (year / 100 % 10));
        text[2] = (byte)('0' + (year / 10 % 10));
        text[3] = (byte)('0' + (year % 10));
        text[4] = (byte)'-';
        text[5] = (byte)('0' + (month / 10));
        text[6] = (byte)('0' + (month % 10));
        text[7] = (byte)'-';
        text[8] = (byte)('0' + (dayOfMonth / 10));
        text[9] = (byte)('0' + (dayOfMonth % 10));
        return Length;
    }
}
