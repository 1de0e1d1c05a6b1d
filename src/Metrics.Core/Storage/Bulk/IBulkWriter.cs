using Metrics.Core.Storage.Entities;

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

    public Task<int> UpsertStarGainsAsync(IEnumerable<StarGain> rows, CancellationToken cancellationToken) =>
        UpsertAsync(UpsertTables.StarGains, rows, cancellationToken);

    public Task<int> UpsertReleasesAsync(IEnumerable<Release> rows, CancellationToken cancellationToken) =>
        UpsertAsync(UpsertTables.Releases, rows, cancellationToken);

    public Task<int> UpsertTagsAsync(IEnumerable<Release> rows, CancellationToken cancellationToken) =>
        UpsertAsync(UpsertTables.Tags, rows, cancellationToken);

    public Task<int> UpsertContributorsAsync(IEnumerable<Contributor> rows, CancellationToken cancellationToken) =>
        UpsertAsync(UpsertTables.Contributors, rows, cancellationToken);

    public Task<int> UpsertGitIdentityDaysAsync(IEnumerable<GitHistory.GitIdentityDay> rows, CancellationToken cancellationToken) =>
        UpsertAsync(GitHistory.GitHistoryTables.IdentityDays, rows, cancellationToken);

    protected abstract Task<int> UpsertAsync<T>(UpsertTable<T> table, IEnumerable<T> rows, CancellationToken cancellationToken)
        where T : class;
}
