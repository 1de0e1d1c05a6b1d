using Metrics.Core.Storage;
using Metrics.Core.Storage.Entities;
using Microsoft.EntityFrameworkCore;

namespace Metrics.Core.Series;

public sealed record RunItem(
    long Id, int RepositoryId, string ProjectId, Forge Forge, string Repository, DateTime StartedAt, DateTime? FinishedAt,
    RunOutcome Outcome, int Requests, int NotModified, string? Error, bool Simulated)
{
    public TimeSpan? Duration => FinishedAt - StartedAt;
}

/// <summary>What the collector did: recent runs, each repository's last run, and whether any data is simulated.</summary>
public sealed class CollectionQueries(MetricsDbContext db)
{
    public async Task<IReadOnlyList<RunItem>> RecentRunsAsync(int count, Forge? forge, RunOutcome? outcome, CancellationToken cancellationToken)
    {
        var query = Joined();
        if (forge is { } f)
        {
            query = query.Where(x => x.Repository.Forge == f);
        }

        if (outcome is { } o)
        {
            query = query.Where(x => x.Run.Outcome == o);
        }

        var rows = await query.OrderByDescending(x => x.Run.StartedAt).ThenByDescending(x => x.Run.Id).Take(count).ToListAsync(cancellationToken);
        return [.. rows.Select(ToItem)];
    }

    public async Task<Dictionary<int, RunItem>> LastRunsAsync(IReadOnlyCollection<int> repositoryIds, CancellationToken cancellationToken)
    {
        var ids = repositoryIds.ToList();
        var lastIds = await db.CollectionRuns.AsNoTracking().Where(r => ids.Contains(r.RepositoryId))
            .GroupBy(r => r.RepositoryId).Select(g => g.Max(r => r.Id)).ToListAsync(cancellationToken);
        var rows = await Joined().Where(x => lastIds.Contains(x.Run.Id)).ToListAsync(cancellationToken);
        return rows.Select(ToItem).ToDictionary(r => r.RepositoryId);
    }

    /// <summary>True when any stored number came from a simulated forge: every page then says so.</summary>
    public async Task<bool> AnySimulatedAsync(CancellationToken cancellationToken) =>
        await db.Repositories.AnyAsync(r => r.Simulated, cancellationToken) || await db.CollectionRuns.AnyAsync(r => r.Simulated, cancellationToken);

    private sealed class RunRow
    {
        public required CollectionRun Run { get; init; }
        public required Repository Repository { get; init; }
    }

    private IQueryable<RunRow> Joined() => db.CollectionRuns.AsNoTracking()
        .Join(db.Repositories.AsNoTracking(), run => run.RepositoryId, repository => repository.Id,
            (run, repository) => new RunRow { Run = run, Repository = repository });

    private static RunItem ToItem(RunRow x) => new(
        x.Run.Id, x.Run.RepositoryId, x.Repository.ProjectId, x.Repository.Forge, x.Repository.FullName,
        x.Run.StartedAt, x.Run.FinishedAt, x.Run.Outcome, x.Run.Requests, x.Run.NotModified, x.Run.Error, x.Run.Simulated);
}
