using System.Diagnostics;
using System.Runtime.CompilerServices;

namespace Metrics.Core.Export;

/// <param name="PeakManagedBytes">The largest managed heap seen, garbage not yet collected included (bounded by the GC's budget).</param>
/// <param name="PeakLiveBytes">The largest heap left after a full collection during the run: what the export really holds.</param>
public sealed record ExportBenchmarkResult(long Rows, long Bytes, TimeSpan Elapsed, long BaselineManagedBytes, long PeakManagedBytes, long PeakLiveBytes)
{
    public double RowsPerSecond => Rows / Elapsed.TotalSeconds;

    /// <summary>How much live memory grew while writing: flat streaming keeps this small whatever the row count.</summary>
    public long LiveGrowthBytes => Math.Max(0, PeakLiveBytes - BaselineManagedBytes);

    public override string ToString() => string.Create(System.Globalization.CultureInfo.InvariantCulture,
        $"{Rows:N0} rows, {Bytes / 1048576.0:N1} MiB of CSV in {Elapsed.TotalSeconds:N2} s: {RowsPerSecond:N0} rows/s; managed heap " +
        $"{BaselineManagedBytes / 1048576.0:N1} MiB before, peak {PeakManagedBytes / 1048576.0:N1} MiB with garbage, " +
        $"peak live {PeakLiveBytes / 1048576.0:N1} MiB (+{LiveGrowthBytes / 1048576.0:N2} MiB)");
}

/// <summary>
/// Writes N synthetic tidy rows through the same CSV path as the exports, to a stream that only counts bytes, and
/// samples the managed heap meanwhile: the figure that shows whether memory stays flat for millions of rows.
/// </summary>
public static class ExportBenchmark
{
    public static async Task<ExportBenchmarkResult> RunAsync(long rows, CancellationToken cancellationToken)
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
        var baseline = GC.GetTotalMemory(forceFullCollection: false);
        var peak = baseline;
        using var stop = new CancellationTokenSource();
        var sampler = Task.Run(async () =>
        {
            while (!stop.IsCancellationRequested)
            {
                peak = Math.Max(peak, GC.GetTotalMemory(forceFullCollection: false));
                await Task.Delay(5, CancellationToken.None);
            }
        }, CancellationToken.None);

        var counter = new CountingStream();
        var live = new LiveSampler(baseline);
        var clock = Stopwatch.StartNew();
        var written = await CsvExport.WriteAsync(counter, TidyRowMap.Instance, SyntheticAsync(rows, live, cancellationToken), byteOrderMark: false, cancellationToken);
        clock.Stop();
        await stop.CancelAsync();
        await sampler;
        peak = Math.Max(peak, GC.GetTotalMemory(forceFullCollection: false));
        return new ExportBenchmarkResult(written, counter.Length, clock.Elapsed - live.Spent, baseline, peak, live.Peak);
    }

    /// <summary>Rows shaped like the stars dataset: 200 repositories with one row per day each.</summary>
    private static async IAsyncEnumerable<TidyRow> SyntheticAsync(long count, LiveSampler live, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var start = new DateOnly(2008, 1, 1);
        var repositories = Enumerable.Range(0, 200).Select(i => (Project: $"project-{i}", Repository: $"owner-{i}/repository-{i}")).ToArray();
        var perRepository = Math.Max(1, count / repositories.Length + 1);
        var cumulative = 0L;
        for (long i = 0; i < count; i++)
        {
            if (i % 65536 == 0)
            {
                cancellationToken.ThrowIfCancellationRequested();
                await Task.Yield();
            }

            if (i % LiveSampler.Every == 0)
            {
                live.Sample();
            }

            var (project, repository) = repositories[i / perRepository];
            cumulative = i % perRepository == 0 ? 0 : cumulative + (i % 7);
            yield return new TidyRow(start.AddDays((int)(i % perRepository % 6000)), project, "github", repository, "stars", cumulative, "github-stargazers-history");
        }
    }

    /// <summary>Full collections at intervals, timed apart so they do not count against the rows per second.</summary>
    private sealed class LiveSampler(long baseline)
    {
        public const int Every = 100_000;

        public long Peak { get; private set; } = baseline;

        public TimeSpan Spent { get; private set; }

        public void Sample()
        {
            var clock = Stopwatch.StartNew();
            Peak = Math.Max(Peak, GC.GetTotalMemory(forceFullCollection: true));
            Spent += clock.Elapsed;
        }
    }

    private sealed class CountingStream : Stream
    {
        public override bool CanRead => false;
        public override bool CanSeek => false;
        public override bool CanWrite => true;
        public override long Length => Position;
        public override long Position { get; set; }

        public override void Write(byte[] buffer, int offset, int count) => Position += count;
        public override void Write(ReadOnlySpan<byte> buffer) => Position += buffer.Length;
        public override ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
        {
            Position += buffer.Length;
            return ValueTask.CompletedTask;
        }

        public override void Flush()
        {
        }

        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
    }
}
