using Metrics.Core.Collection;
using Spectre.Console;

namespace Metrics.Cli.Progress;

/// <summary>A live progress bar; the description line carries requests, quota and the current wait.</summary>
internal static class SpectreProgress
{
    public static async Task<T> RunAsync<T>(QuotaGauge gauge, Func<IProgress<CollectionProgress>, Task<T>> work, CancellationToken cancellationToken)
    {
        CollectionProgress? last = null;
        var progress = new Reporter(p => Interlocked.Exchange(ref last, p));
        return await AnsiConsole.Progress()
            .AutoClear(false)
            .Columns(new SpinnerColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn(), new TaskDescriptionColumn { Alignment = Justify.Left })
            .StartAsync(async context =>
            {
                var task = context.AddTask("collecting", maxValue: 1);
                task.IsIndeterminate = true;
                var running = work(progress);
                while (!running.IsCompleted)
                {
                    await Task.WhenAny(running, Task.Delay(250, CancellationToken.None));
                    Update(task, Volatile.Read(ref last), gauge);
                    context.Refresh();
                }

                Update(task, Volatile.Read(ref last), gauge);
                return await running;
            });
    }

    private static void Update(ProgressTask task, CollectionProgress? p, QuotaGauge gauge)
    {
        if (p is not null)
        {
            task.IsIndeterminate = false;
            task.MaxValue = Math.Max(1, p.Total);
            task.Value = p.Done;
        }

        var parts = new List<string> { p is null ? "starting" : $"{p.Done}/{p.Total} repositories", $"{p?.Requests ?? 0} requests" };
        var quota = gauge.Quota();
        if (quota.Length > 0)
        {
            parts.Add(quota);
        }

        if (gauge.Waiting() is { } wait)
        {
            parts.Add(QuotaGauge.DescribeWait(wait, DateTimeOffset.UtcNow));
        }
        else if (p?.Current is not null)
        {
            parts.Add($"last: {PlainProgress.Describe(p)}");
        }

        task.Description = Markup.Escape(string.Join(" · ", parts));
    }

    private sealed class Reporter(Action<CollectionProgress> report) : IProgress<CollectionProgress>
    {
        public void Report(CollectionProgress value) => report(value);
    }
}
