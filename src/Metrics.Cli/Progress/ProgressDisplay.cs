using Metrics.Core.Collection;

namespace Metrics.Cli.Progress;

/// <summary>
/// Shows a long collection while it runs: repositories done of total, requests spent, quota left and the current
/// wait. Progress bars on a terminal; plain lines when the output is redirected (a log, a pipe, a test).
/// </summary>
internal static class ProgressDisplay
{
    public static Task<T> RunAsync<T>(
        TextWriter output, IServiceProvider services, Func<IProgress<CollectionProgress>, Task<T>> work, CancellationToken cancellationToken)
    {
        var gauge = new QuotaGauge(services);
        var terminal = ReferenceEquals(output, Console.Out) && !Console.IsOutputRedirected;
        return terminal
            ? SpectreProgress.RunAsync(gauge, work, cancellationToken)
            : PlainProgress.RunAsync(output, gauge, work, cancellationToken);
    }
}
