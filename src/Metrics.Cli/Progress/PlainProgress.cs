using Metrics.Core.Collection;

namespace Metrics.Cli.Progress;

/// <summary>One line per repository finished, and one when a quota wait begins: readable in a log file.</summary>
internal sealed class PlainProgress(TextWriter output, QuotaGauge gauge) : IProgress<CollectionProgress>
{
    private readonly Lock _gate = new();
    private DateTimeOffset? _announcedWait;

    public static async Task<T> RunAsync<T>(
        TextWriter output, QuotaGauge gauge, Func<IProgress<CollectionProgress>, Task<T>> work, CancellationToken cancellationToken)
    {
        var progress = new PlainProgress(output, gauge);
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var watcher = progress.WatchWaitsAsync(stop.Token);
        try
        {
            return await work(progress);
        }
        finally
        {
            await stop.CancelAsync();
            await watcher;
        }
    }

    // Reported synchronously (not Progress<T>, which posts to the thread pool), so lines come out in order.
    public void Report(CollectionProgress value)
    {
        var quota = gauge.Quota();
        lock (_gate)
        {
            output.WriteLine($"[{value.Done}/{value.Total}] {Describe(value)}; {value.Requests} requests so far{(quota.Length > 0 ? "; " + quota : "")}");
        }
    }

    /// <summary>"GitHub oceanbase/oceanbase: Succeeded": the same name can be on two forges, and "done" hid failures.</summary>
    public static string Describe(CollectionProgress value) =>
        $"{(value.CurrentForge is { } forge ? forge + " " : "")}{value.Current}: {value.CurrentOutcome?.ToString() ?? "done"}";

    private async Task WatchWaitsAsync(CancellationToken cancellationToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromMilliseconds(500));
        try
        {
            while (await timer.WaitForNextTickAsync(cancellationToken))
            {
                if (gauge.Waiting() is { } wait && wait.Until != _announcedWait)
                {
                    _announcedWait = wait.Until;
                    lock (_gate)
                    {
                        output.WriteLine(QuotaGauge.DescribeWait(wait, DateTimeOffset.UtcNow));
                    }
                }
            }
        }
        catch (OperationCanceledException)
        {
            // The collection ended.
        }
    }
}
