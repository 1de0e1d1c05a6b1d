using Metrics.Core.Storage;
using Metrics.Core.Storage.Entities;
using Microsoft.EntityFrameworkCore;

namespace Metrics.Core.Forges.HuggingFace;

public sealed record HubDay(DateOnly Day, long? Likes, long? Downloads30d, long? DownloadsAllTime);

/// <summary>An organisation's daily totals. <see cref="Notice"/> is the sentence pages must show with the series.</summary>
public sealed record HubOrganizationSeries(int RepositoryId, string Organization, IReadOnlyList<HubDay> Days)
{
    public DateOnly? StartsOn => Days.Count > 0 ? Days[0].Day : null;

    public string Notice => StartsOn is { } start
        ? $"Hugging Face keeps no history of likes or downloads: this series starts on {start:yyyy-MM-dd}, the first day it was collected."
        : "Hugging Face keeps no history of likes or downloads: the series starts on the first day it is collected.";
}

public sealed record HubModelItem(int RepositoryId, string Model, DateOnly Day, long? Likes, long? Downloads30d, long? DownloadsAllTime);

/// <summary>Read models of the Hugging Face data for pages and the CLI.</summary>
public sealed class HuggingFaceQueries(MetricsDbContext db)
{
    public async Task<IReadOnlyList<HubOrganizationSeries>> OrganizationsAsync(string projectId, CancellationToken cancellationToken)
    {
        var organizations = await db.Repositories.AsNoTracking()
            .Where(r => r.ProjectId == projectId && r.Forge == Forge.HuggingFace && r.Kind == RepositoryKind.Organization)
            .OrderBy(r => r.Owner)
            .ToListAsync(cancellationToken);
        var ids = organizations.Select(o => o.Id).ToList();
        var days = await db.Snapshots.AsNoTracking()
            .Where(s => ids.Contains(s.RepositoryId))
            .OrderBy(s => s.Day)
            .Select(s => new { s.RepositoryId, Day = new HubDay(s.Day, s.Likes, s.Downloads30d, s.DownloadsAllTime) })
            .ToListAsync(cancellationToken);
        return [.. organizations.Select(o => new HubOrganizationSeries(o.Id, o.Owner, [.. days.Where(d => d.RepositoryId == o.Id).Select(d => d.Day)]))];
    }

    /// <summary>Each model of an organisation with its latest snapshot, most downloaded first.</summary>
    public async Task<IReadOnlyList<HubModelItem>> ModelsAsync(int organizationId, CancellationToken cancellationToken)
    {
        var organization = await db.Repositories.AsNoTracking().SingleAsync(r => r.Id == organizationId, cancellationToken);
        var owner = organization.Owner.ToLowerInvariant();
        var latest = await db.Repositories.AsNoTracking()
            .Where(r => r.Forge == Forge.HuggingFace && r.Kind == RepositoryKind.Model && r.Owner.ToLower() == owner)
            .Select(r => new
            {
                r.Id,
                r.Owner,
                r.Name,
                Snapshot = db.Snapshots.Where(s => s.RepositoryId == r.Id).OrderByDescending(s => s.Day).FirstOrDefault(),
            })
            .ToListAsync(cancellationToken);
        return [.. latest
            .Where(m => m.Snapshot is not null)
            .Select(m => new HubModelItem(m.Id, $"{m.Owner}/{m.Name}", m.Snapshot!.Day, m.Snapshot.Likes, m.Snapshot.Downloads30d, m.Snapshot.DownloadsAllTime))
            .OrderByDescending(m => m.Downloads30d ?? -1).ThenBy(m => m.Model, StringComparer.Ordinal)];
    }
}
