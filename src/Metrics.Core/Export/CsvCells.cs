using CsvHelper;

namespace Metrics.Core.Export;

/// <summary>
/// Single text cells as the CsvHelper writer of every export writes them (quoting, formula neutralising), as UTF-8
/// bytes, each distinct text escaped once: the fast writers copy these bytes instead of escaping per row.
/// </summary>
internal sealed class CsvCells
{
    /// <summary>Longer cells would not fit the fast writers' row room.</summary>
    public const int MaxCellBytes = 2048;

    private const int MaxCached = 16_384;

    private readonly Dictionary<string, byte[]> _escaped = new(StringComparer.Ordinal);
    private readonly MemoryStream _scratch = new();

    public CsvCells() => Newline = Record("x")[1..];

    /// <summary>The record separator CsvHelper writes.</summary>
    public byte[] Newline { get; }

    public byte[] Escape(string text)
    {
        if (_escaped.TryGetValue(text, out var bytes))
        {
            return bytes;
        }

        if (_escaped.Count >= MaxCached)
        {
            _escaped.Clear();
        }

        // A lone empty cell would be quoted as a whole record, so a second cell follows and is cut off again.
        bytes = Record(text, "x")[..^(2 + Newline.Length)];
        if (bytes.Length > MaxCellBytes)
        {
            throw new InvalidOperationException("A tidy text cell longer than 2 KiB does not fit the row buffer.");
        }

        return _escaped[text] = bytes;
    }

    /// <summary>The header record (and the byte-order mark when asked for), written by CsvHelper itself.</summary>
    public static async Task WriteHeaderAsync(Stream stream, IReadOnlyList<string> header, bool byteOrderMark, CancellationToken cancellationToken)
    {
        await using var writer = CsvWriter.Create(stream, CsvExport.Options(byteOrderMark), leaveOpen: true);
        writer.WriteHeader([.. header]);
        await writer.FlushAsync(cancellationToken);
    }

    private byte[] Record(params string[] fields)
    {
        _scratch.SetLength(0);
        using (var csv = CsvWriter.Create(_scratch, CsvExport.Options(byteOrderMark: false), leaveOpen: true))
        {
            foreach (var field in fields)
            {
                csv.WriteField(field);
            }

            csv.EndRecordAsync(CancellationToken.None).AsTask().GetAwaiter().GetResult();
            csv.FlushAsync(CancellationToken.None).AsTask().GetAwaiter().GetResult();
        }

        return _scratch.ToArray();
    }
}
