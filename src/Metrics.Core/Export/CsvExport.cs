using System.Globalization;
using CsvHelper;

namespace Metrics.Core.Export;

/// <summary>How one row type becomes CSV columns: the header, then the fields in the same order.</summary>
public interface ICsvRowMap<in T>
{
    IReadOnlyList<string> Header { get; }

    void Write(CsvWriter writer, T row);
}

/// <summary>
/// Streams rows to CSV one at a time, so memory stays flat however many rows there are. Text cells that start with
/// = + - @ (or a tab) are prefixed with an apostrophe, so a spreadsheet shows them instead of running them as
/// formulas; numbers are written as numbers, negative ones included.
/// </summary>
public static class CsvExport
{
    public const string ContentType = "text/csv; charset=utf-8";

    public static CsvWriterOptions Options(bool byteOrderMark) => new()
    {
        Injection = CsvInjection.Escape,
        WriteByteOrderMark = byteOrderMark,
        FormatProvider = CultureInfo.InvariantCulture,
    };

    public static async Task<long> WriteAsync<T>(
        Stream stream, ICsvRowMap<T> map, IAsyncEnumerable<T> rows, bool byteOrderMark, CancellationToken cancellationToken)
    {
        if (TidyCsvWriter.Handles(map) && map is TidyRowMap tidyMap && rows is IAsyncEnumerable<TidyRow> tidy)
        {
            return await TidyCsvWriter.WriteAsync(stream, tidyMap, tidy, byteOrderMark, cancellationToken);
        }

        await using var writer = CsvWriter.Create(stream, Options(byteOrderMark), leaveOpen: true);
        writer.WriteHeader([.. map.Header]); // ends the header record itself
        long count = 0;
        await foreach (var row in rows.WithCancellation(cancellationToken))
        {
            map.Write(writer, row);
            await writer.EndRecordAsync(cancellationToken);
            count++;
        }

        await writer.FlushAsync(cancellationToken);
        return count;
    }

    public static Task<long> WriteAsync<T>(Stream stream, ICsvRowMap<T> map, IEnumerable<T> rows, bool byteOrderMark, CancellationToken cancellationToken) =>
        WriteAsync(stream, map, rows.ToAsyncEnumerable(), byteOrderMark, cancellationToken);

    internal static void WriteDate(this CsvWriter writer, DateOnly? day) => writer.WriteField(day?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "");

    internal static void WriteTime(this CsvWriter writer, DateTime? at) =>
        writer.WriteField(at?.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture) ?? "");

    /// <summary>Through the typed overload: a negative number is a number, not a formula to neutralise.</summary>
    internal static void WriteNumber(this CsvWriter writer, double? value) => writer.WriteField(value, default);

    internal static void WriteNumber(this CsvWriter writer, long? value) => writer.WriteField(value, default);

    internal static void WriteBool(this CsvWriter writer, bool value) => writer.WriteField(value ? "true" : "false");
}
