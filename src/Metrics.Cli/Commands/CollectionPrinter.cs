using Metrics.Core.Collection;
using Metrics.Core.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Metrics.Cli.Commands;

internal static class CollectionPrinter
{
    public static async Task PrintAsync(CollectionSummary summary, TextWriter output)
    {
        await output.WriteLineAsync();
        await output.WriteLineAsync($"{"forge",-12} {"repository",-40} {"outcome",-10} {"requests",8} {"304s",6}  error");
        foreach (var run in summary.Repositories.OrderBy(r => r.Forge).ThenBy(r => r.Repository))
        {
            await output.WriteLineAsync($"{run.Forge,-12} {run.Repository,-40} {run.Outcome,-10} {run.Requests,8} {run.NotModified,6}  {run.Error}");
        }

        var simulated = summary.Repositories.Any(r => r.Simulated) ? " (SIMULATED data: the forge answered as the fake forge)" : "";
        await output.WriteLineAsync(
            $"{summary.Repositories.Count} repositories: {summary.Repositories.Count(r => r.Outcome == Core.Storage.Entities.RunOutcome.Succeeded)} succeeded; " +
            $"{summary.Requests} requests, {summary.NotModified} not modified{simulated}");
    }

    public static async Task<IReadOnlyList<string>> UnknownProjectsAsync(IServiceProvider services, IReadOnlyList<string> ids, CancellationToken cancellationToken)
    {
        if (ids.Count == 0)
        {
            return [];
        }

        var known = await services.GetRequiredService<MetricsDbContext>().Projects.Where(p => ids.Contains(p.Id)).Select(p => p.Id).ToListAsync(cancellationToken);
        return [.. ids.Except(known)];
    }
}
