using Metrics.Core.Forges.Http;
using Metrics.Core.Storage;
using Metrics.Core.Storage.Bulk;
using Metrics.Core.Storage.Entities;

namespace Metrics.Core.Forges.HuggingFace;

/// <summary>
/// Daily likes and downloads of models. The Hub keeps no history, so every series starts on the first collection day.
/// An organisation costs one listing (expand[] brings likes and both download counts), which also refreshes each of its
/// models and their per-organisation totals; a single tracked model costs one request.
/// </summary>
internal sealed class HuggingFaceCollector(
    HubReader reader, HubModelRows modelRows, IBulkWriter writer, MetricsDbContext db, TimeProvider time) : IForgeCollector
{
    public Forge Forge => Forge.HuggingFace;

    public async Task CollectSnapshotAsync(Repository repository, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow().UtcDateTime;
        if (repository.Kind != RepositoryKind.Organization)
        {
            var model = await reader.ModelAsync(repository, cancellationToken);
            repository.Status = RepositoryStatus.Active;
            await db.SaveChangesAsync(cancellationToken);
            await writer.UpsertSnapshotsAsync([Snapshot(repository, model, now)], cancellationToken);
            return;
        }

        var models = await reader.ListAsync(repository, cancellationToken);
        if (models.Count == 0)
        {
            throw new RepositoryUnavailableException(RepositoryStatus.NotFound,
                $"Hugging Face lists no public models by {repository.Owner}: its stored data is kept.");
        }

        var rows = await modelRows.EnsureAsync(repository, models, RequestAccounting.Current?.Simulated == true, cancellationToken);
        repository.Status = RepositoryStatus.Active;
        await db.SaveChangesAsync(cancellationToken);
        var snapshots = rows.Select(r => Snapshot(r.Row, r.Model, now)).ToList();
        snapshots.Add(new DailySnapshot
        {
            RepositoryId = repository.Id,
            Day = DateOnly.FromDateTime(now),
            Likes = Total(rows, m => m.Likes),
            Downloads30d = Total(rows, m => m.Downloads),
            DownloadsAllTime = Total(rows, m => m.DownloadsAllTime),
            CollectedAt = now,
        });
        await writer.UpsertSnapshotsAsync(snapshots, cancellationToken);
    }

    /// <summary>Nothing more to fetch: the Hub has no star history, contributors or releases for models.</summary>
    public Task CollectDetailsAsync(Repository repository, CancellationToken cancellationToken) => Task.CompletedTask;

    private static DailySnapshot Snapshot(Repository row, HubModel model, DateTime now) => new()
    {
        RepositoryId = row.Id,
        Day = DateOnly.FromDateTime(now),
        Likes = model.Likes,
        Downloads30d = model.Downloads,
        DownloadsAllTime = model.DownloadsAllTime,
        CollectedAt = now,
    };

    // A total missing one model's figure would be a silent undercount: better no total than a wrong one.
    private static long? Total(List<(Repository Row, HubModel Model)> rows, Func<HubModel, long?> value) =>
        rows.All(r => value(r.Model) is not null) ? rows.Sum(r => value(r.Model)!.Value) : null;
}
