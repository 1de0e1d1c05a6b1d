using System.Buffers;
using System.Globalization;
using System.Runtime.CompilerServices;
using Metrics.Core.Storage;

namespace Metrics.Core.Export;

/// <summary>
/// The tidy datasets' hot path: millions of rows that repeat a few hundred distinct texts. Each distinct text is
/// escaped once, by the same CsvHelper writer every other export uses (quoting and formula neutralising stay
/// identical), and kept as UTF-8 bytes; dates and numbers are formatted straight into a pooled buffer. A test
/// compares its output with <see cref="TidyRowMap"/>'s byte for byte.
/// </summary>
internal sealed class TidyCsvWriter
{
    private const int BufferSize = 1 << 16;
    private const int MaxCached = 16_384;

    /// <summary>The columns written here; the fast path applies only while <see cref="TidyRowMap"/> writes the same ones.</summary>
    public static IReadOnlyList<string> Columns { get; } = ["date", "project", "forge", "repository", "metric", "value", "source", "simulated", "project_name"];

    // Keyed by reference: the rows repeat the same string instances, so most look-ups never compare characters.
    private readonly Dictionary<string, byte[]> _escaped = new(ReferenceEqualityComparer.Instance!);
    private readonly CsvCells _cells = new();
    private readonly byte[] _newline;

    private readonly ProjectNames _names;

    private TidyCsvWriter(ProjectNames names)
    {
        _names = names;
        _newline = _cells.Newline;
    }

    public static bool Handles<T>(ICsvRowMap<T> map) => map is TidyRowMap tidy && tidy.Header.SequenceEqual(Columns);

    public static async Task<long> WriteAsync(Stream stream, TidyRowMap map, IAsyncEnumerable<TidyRow> rows, bool byteOrderMark, CancellationToken cancellationToken)
    {
        await CsvCells.WriteHeaderAsync(stream, map.Header, byteOrderMark, cancellationToken);

        var writer = new TidyCsvWriter(map.Names);
        var buffer = ArrayPool<byte>.Shared.Rent(BufferSize);
        try
        {
            var used = 0;
            long count = 0;
            await foreach (var row in rows.WithCancellation(cancellationToken))
            {
                if (used > BufferSize - 4096)
                {
                    await stream.WriteAsync(buffer.AsMemory(0, used), cancellationToken);
                    used = 0;
                }

                used = writer.Append(buffer, used, row);
                count++;
            }

            await stream.WriteAsync(buffer.AsMemory(0, used), cancellationToken);
            await stream.FlushAsync(cancellationToken);
            return count;
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    private int Append(byte[] buffer, int at, TidyRow row)
    {
        var span = buffer.AsSpan();
        at += IsoDays.Write(row.Date, span[at..]);
        at = Field(span, at, row.Project);
        at = Field(span, at, row.Forge);
        at = Field(span, at, row.Repository);
        at = Field(span, at, row.Metric);
        span[at++] = (byte)',';
        row.Value.TryFormat(span[at..], out var written, default, CultureInfo.InvariantCulture);
        at += written;
        at = Field(span, at, row.Source);
        at = Field(span, at, row.Simulated ? "true" : "false");
        at = Field(span, at, _names.Of(row.Project));
        _newline.CopyTo(span[at..]);
        return at + _newline.Length;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private int Field(Span<byte> span, int at, string text)
    {
        span[at++] = (byte)',';
        if (!_escaped.TryGetValue(text, out var bytes))
        {
            if (_escaped.Count >= MaxCached)
            {
                _escaped.Clear();
            }

            _escaped[text] = bytes = _cells.Escape(text);
        }

        bytes.CopyTo(span[at..]);
        return at + bytes.Length;
    }
}
