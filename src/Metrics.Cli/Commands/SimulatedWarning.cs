using Metrics.Core.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Metrics.Cli.Commands;

/// <summary>The pages carry a "Simulated data" banner; the commands that print or export stored data say it too.</summary>
internal static class SimulatedWarning
{
    public const string Line = "warning: SIMULATED data: some of these numbers came from the fake forge, not a real forge.";

    /// <summary>Writes the warning when any repository of these projects (none = all) holds simulated data.</summary>
    public static async Task WriteAsync(IServiceProvider services, TextWriter writer, IReadOnlyCollection<string> projectIds, CancellationToken cancellationToken)
    {
        var repositories = services.GetRequiredService<MetricsDbContext>().Repositories.AsNoTracking();
        if (projectIds.Count > 0)
        {
            repositories = repositories.Where(r => projectIds.Contains(r.ProjectId));
        }

        if (await repositories.AnyAsync(r => r.Simulated, cancellationToken))
        {
            await writer.WriteLineAsync(Line);
        }
    }
}
