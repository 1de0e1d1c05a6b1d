using System.Threading.Channels;
using Metrics.Core.Storage;

namespace Metrics.Core.Export.Stars;

/// <summary>
/// The stars dataset as CSV, the export's hot path (millions of rows): one thread reads star_gains in blocks while
/// the caller formats the previous block and writes it, so reading and writing use both cores. A few blocks and one
/// output buffer circulate, so memory stays flat whatever the row count.
/// </summary>
internal static class StarsCsv
{
    private const int BufferBytes = 1 << 19;
    private const int BlocksInFlight = 4;

    /// <returns>The number of CSV lines written after the header (two per stored day: the gain and the total).</returns>
    public static async Task<long> WriteAsync(
        MetricsDbContext db, ExportFilter filter, TidyRowMap map, Stream stream, bool byteOrderMark, CancellationToken cancellationToken)
    {
        var repositories = await ExportRepositories.LoadAsync(db, filter, cancellationToken);
        IReadOnlyCollection<int>? ids = filter.ProjectIds.Count > 0 ? repositories.Keys : null;
        await CsvCells.WriteHeaderAsync(stream, map.Header, byteOrderMark, cancellationToken);

        await using var open = await OpenConnection.OpenAsync(db, cancellationToken);
        await using var source = await StarGainSource.OpenAsync(open.Connection, ids, filter.To, cancellationToken);
        var lines = new StarLines(repositories, map.Names, filter);
        await PipeAsync(source, (batch, row, buffer, used) =>
        {
            for (; row < batch.Count; row++)
            {
                if (used > buffer.Length - StarLines.MaxRowBytes)
                {
                    return (row, used);
                }

                used = lines.Append(buffer, used, batch, row);
            }

            return (batch.Count, used);
        }, stream, cancellationToken);
        return lines.Lines;
    }

    /// <summary>
    /// Runs the source on its own thread, handing filled blocks over a bounded channel and getting them back empty;
    /// <paramref name="format"/> turns a block's rows from the given one into bytes until the buffer is nearly full, and
    /// returns the row it stopped at and the buffer's new end.
    /// </summary>
    internal static async Task PipeAsync(
        StarGainSource source, Func<StarGainBatch, int, byte[], int, (int Next, int Used)> format, Stream stream, CancellationToken cancellationToken)
    {
        var full = Channel.CreateBounded<StarGainBatch>(BlocksInFlight);
        var empty = Channel.CreateUnbounded<StarGainBatch>();
        for (var i = 0; i < BlocksInFlight + 1; i++)
        {
            empty.Writer.TryWrite(new StarGainBatch());
        }

        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var reader = Task.Run(() => ReadAsync(source, full.Writer, empty.Reader, stop.Token), CancellationToken.None);
        try
        {
            var buffer = new byte[BufferBytes];
            var used = 0;
            await foreach (var batch in full.Reader.ReadAllAsync(cancellationToken))
            {
                for (var done = 0; done < batch.Count;)
                {
                    (done, used) = format(batch, done, buffer, used);
                    if (done < batch.Count)
                    {
                        await stream.WriteAsync(buffer.AsMemory(0, used), cancellationToken);
                        used = 0;
                    }
                }

                empty.Writer.TryWrite(batch);
            }

            await stream.WriteAsync(buffer.AsMemory(0, used), cancellationToken);
            await stream.FlushAsync(cancellationToken);
        }
        finally
        {
            // On any failure here (a closed download, say) the reader stops too before the source is disposed.
            await stop.CancelAsync();
            await reader.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        }

        await reader; // the reader's own failure, if any
    }

    private static async Task ReadAsync(StarGainSource source, ChannelWriter<StarGainBatch> full, ChannelReader<StarGainBatch> empty, CancellationToken cancellationToken)
    {
        try
        {
            var more = true;
            while (more)
            {
                var batch = await empty.ReadAsync(cancellationToken);
                more = await source.FillAsync(batch, cancellationToken);
                await full.WriteAsync(batch, cancellationToken);
            }

            full.Complete();
        }
        catch (Exception e)
        {
            full.Complete(e);
            throw;
        }
    }
}
