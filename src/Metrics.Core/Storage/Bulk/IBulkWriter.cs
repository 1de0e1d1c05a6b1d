using Metrics.Core.Storage.Entities;
using Microsoft.EntityFrameworkCore;

namespace Metrics.Core.Storage.Bulk;

/// <summary>Set-based idempotent writes: writing the same rows twice stores them once. Each returns the rows inserted or changed.</summary>
public interface IBulkWriter
{
    Task<int> UpsertSnapshotsAsync(IEnumerable<DailySnapshot> rows, CancellationToken cancellationToken);
    Task<int> UpsertStarGainsAsync(IEnumerable<StarGain> rows, CancellationToken cancellationToken);
    Task<int> UpsertReleasesAsync(IEnumerable<Release> rows, CancellationToken cancellationToken);
    Task<int> UpsertTagsAsync(IEnumerable<Release> rows, CancellationToken cancellationToken);
    Task<int> UpsertContributorsAsync(IEnumerable<Contributor> rows, CancellationToken cancellationToken);
    Task<int> UpsertGitIdentityDaysAsync(IEnumerable<GitHistory.GitIdentityDay> rows, CancellationToken cancellationToken);
}

/// <summary>Dispatches each table to the provider's bulk path.</summary>
internal abstract class BulkWriterBase : IBulkWriter
{
    public Task<int> UpsertSnapshotsAsync(IEnumerable<DailySnapshot> rows, CancellationToken cancellationToken) =>
        UpsertAsync(UpsertTables.Snapshots, rows, cancellationToken);

    /// <summary>Also moves each written repository's <see cref="Repository.StarsVersion"/>, after the rows are in.</summary>
    public async Task<int> UpsertStarGainsAsync(IEnumerable<StarGain> rows, CancellationToken cancellationToken)
    {
        var repositories = new HashSet<int>();
        var last = (int?)null;
        var written = await UpsertAsync(UpsertTables.StarGains, rows.Select(r =>
        {
            // Rows come in runs of one repository.
            if (r.RepositoryId != last)
            {
                repositories.Add(r.RepositoryId);
                last = r.RepositoryId;
            }

            return r;
        }), cancellationToken);
        if (written > 0)
        {
            // After the rows, never before: a summary computed in between carries the old version and is redone.
            await Context.Repositories.Where(r => repositories.Contains(r.Id))
                .ExecuteUpdateAsync(u => u.SetProperty(r => r.StarsVersion, r => r.StarsVersion + 1), cancellationToken);
        }

        return written;
    }

    public Task<int> UpsertReleasesAsync(IEnumerable<Release> rows, CancellationToken cancellationToken) =>
        UpsertAsync(UpsertTables.Releases, rows, cancellationToken);

    public Task<int> UpsertTagsAsync(IEnumerable<Release> rows, CancellationToken cancellationToken) =>
        UpsertAsync(UpsertTables.Tags, rows, cancellationToken);

    public Task<int> UpsertContributorsAsync(IEnumerable<Contributor> rows, CancellationToken cancellationToken) =>
        UpsertAsync(UpsertTables.Contributors, rows, cancellationToken);

    public Task<int> UpsertGitIdentityDaysAsync(IEnumerable<GitHistory.GitIdentityDay> rows, CancellationToken cancellationToken) =>
        UpsertAsync(GitHistory.GitHistoryTables.IdentityDays, rows, cancellationToken);

    protected abstract MetricsDbContext Context { get; }

    protected abstract Task<int> UpsertAsync<T>(UpsertTable<T> table, IEnumerable<T> rows, CancellationToken cancellationToken)
        where T : class;
}
