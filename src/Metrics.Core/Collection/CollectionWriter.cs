using Metrics.Core.Forges;
using Metrics.Core.Series;
using Metrics.Core.Storage;
using Metrics.Core.Storage.Bulk;
using Metrics.Core.Storage.Entities;
using Microsoft.EntityFrameworkCore;

namespace Metrics.Core.Collection;

/// <summary>
/// The one place a collection run writes to the database. Forge clients only read and return records; this turns them
/// into rows, idempotently (every write is an upsert), for every forge alike. Writes go through the
/// <see cref="SqliteWriteGate"/> (none given: writers meet in the database's own lock).
/// </summary>
public sealed class CollectionWriter(MetricsDbContext db, IBulkWriter bulk, TimeProvider time, SqliteWriteGate? gate = null)
{
    private DateTime Now => time.GetUtcNow().UtcDateTime;

    private Task<IDisposable?> WritingAsync(CancellationToken cancellationToken) =>
        gate?.EnterAsync(db, cancellationToken) ?? Task.FromResult<IDisposable?>(null);

    private DateOnly Today => DateOnly.FromDateTime(Now);

    /// <summary>What the forge client is told about the repository.</summary>
    public async Task<RepositoryRef> LoadAsync(int repositoryId, CancellationToken cancellationToken)
    {
        var r = await db.Repositories.AsNoTracking().SingleAsync(r => r.Id == repositoryId, cancellationToken);
        return new RepositoryRef(r.Forge, r.Kind, r.Owner, r.Name, r.ForgeId, r.CreatedAt);
    }

    /// <summary>The snapshot phase: the repository row follows the forge (id, renames, status), today's snapshot is written.</summary>
    public async Task<string> ApplyFactsAsync(int repositoryId, RepositoryFacts facts, bool simulated, CancellationToken cancellationToken)
    {
        using var writing = await WritingAsync(cancellationToken);
        var repository = await db.Repositories.SingleAsync(r => r.Id == repositoryId, cancellationToken);
        repository.ForgeId = facts.ForgeId ?? repository.ForgeId;
        repository.Owner = facts.Owner ?? repository.Owner;
        repository.Name = facts.Name ?? repository.Name;
        repository.CreatedAt = facts.CreatedAt ?? repository.CreatedAt;
        repository.CloneUrl = facts.CloneUrl ?? repository.CloneUrl;
        repository.Status = RepositoryStatus.Active;
        var members = await EnsureMembersAsync(repository, facts.Members, simulated, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);

        var now = Now;
        var snapshots = members.Select(m => Snapshot(m.Row.Id, m.Facts.Snapshot, now)).ToList();
        snapshots.Add(Snapshot(repository.Id, facts.Snapshot, now));
        await bulk.UpsertSnapshotsAsync(snapshots, cancellationToken);
        return repository.FullName;
    }

    public async Task MarkUnavailableAsync(int repositoryId, RepositoryStatus status, CancellationToken cancellationToken)
    {
        await db.Repositories.Where(r => r.Id == repositoryId).ExecuteUpdateAsync(u => u.SetProperty(r => r.Status, status), cancellationToken);
        await DataStamps.BumpAsync(db, cancellationToken);
    }

    public async Task MarkSimulatedAsync(int repositoryId, CancellationToken cancellationToken)
    {
        await db.Repositories.Where(r => r.Id == repositoryId).ExecuteUpdateAsync(u => u.SetProperty(r => r.Simulated, true), cancellationToken);
        await DataStamps.BumpAsync(db, cancellationToken);
    }

    /// <summary>Where the stored history stands, for the forge client to go on from.</summary>
    public async Task<StarHistoryState> StarStateAsync(int repositoryId, string source, CancellationToken cancellationToken)
    {
        var repository = await db.Repositories.AsNoTracking().SingleAsync(r => r.Id == repositoryId, cancellationToken);
        var mark = new StarHistoryMark(repository.StarHistoryFrom, repository.StarHistoryThrough, repository.StarHistoryReachedStart);
        var stored = StarGains(repositoryId, source);
        var through = mark.Through ?? DateOnly.MaxValue;
        var resumeDay = await stored.Where(g => g.Gained > 0 && g.Day <= through).MaxAsync(g => (DateOnly?)g.Day, cancellationToken);
        var before = resumeDay is { } resume ? await stored.Where(g => g.Day < resume).SumAsync(g => g.Gained, cancellationToken) : 0;
        return new StarHistoryState(mark, resumeDay, before);
    }

    /// <summary>Stores one chunk and moves the mark, so a later failure keeps it.</summary>
    public async Task StoreStarDaysAsync(int repositoryId, string source, StarDaysChunk chunk, CancellationToken cancellationToken)
    {
        using var writing = await WritingAsync(cancellationToken);
        await bulk.UpsertStarGainsAsync(
            chunk.Days.Select(d => new StarGain { RepositoryId = repositoryId, Day = d.Day, Source = source, Gained = d.Gained }), cancellationToken);
        await db.Repositories.Where(r => r.Id == repositoryId).ExecuteUpdateAsync(u => u
            .SetProperty(r => r.StarHistoryFrom, chunk.Mark.From)
            .SetProperty(r => r.StarHistoryThrough, chunk.Mark.Through)
            .SetProperty(r => r.StarHistoryReachedStart, chunk.Mark.ReachedStart), cancellationToken);
        await DataStamps.BumpAsync(db, cancellationToken);
    }

    /// <summary>Contributors as listed; an e-mail address inside a name is removed here, whichever forge sent it.</summary>
    public async Task StoreContributorsAsync(int repositoryId, ContributorsRead read, CancellationToken cancellationToken)
    {
        var today = Today;
        using var writing = await WritingAsync(cancellationToken);
        await bulk.UpsertContributorsAsync(read.Listed.Select(c => new Contributor
        {
            RepositoryId = repositoryId,
            Key = c.Key,
            DisplayName = PersonalData.StripEmails(c.DisplayName),
            Anonymous = c.Anonymous,
            Bot = c.Bot,
            Contributions = c.Contributions,
            FirstSeen = today,
            FirstContributionWeek = c.FirstContributionWeek,
        }), cancellationToken);
    }

    /// <summary>Releases and tags; returns how many releases there are (by tag).</summary>
    public async Task<long> StoreReleasesAsync(int repositoryId, ReleasesRead read, CancellationToken cancellationToken)
    {
        using var writing = await WritingAsync(cancellationToken);
        await bulk.UpsertReleasesAsync(read.Releases.Select(r => new Release
        {
            RepositoryId = repositoryId, Tag = r.Tag, Name = r.Name, PublishedAt = r.PublishedAt, Prerelease = r.Prerelease, Downloads = r.Downloads,
        }), cancellationToken);
        await bulk.UpsertTagsAsync(read.Tags.Select(t => new Release { RepositoryId = repositoryId, Tag = t, IsRelease = false }), cancellationToken);
        return read.UnchangedCount ?? read.Releases.Select(r => r.Tag).Distinct(StringComparer.Ordinal).Count();
    }

    /// <summary>Adds the totals the detail phases learned to today's snapshot, and the star series' disagreement with it.</summary>
    public async Task StoreTotalsAsync(int repositoryId, string? starSource, long? contributors, long? releases, CancellationToken cancellationToken)
    {
        var today = Today;
        long? series = starSource is null ? null : await StarGains(repositoryId, starSource).SumAsync(g => g.Gained, cancellationToken);
        var stars = await db.Snapshots.AsNoTracking()
            .Where(s => s.RepositoryId == repositoryId && s.Day == today)
            .Select(s => s.Stars)
            .SingleOrDefaultAsync(cancellationToken);
        using var writing = await WritingAsync(cancellationToken);
        await bulk.UpsertSnapshotsAsync(
        [
            new DailySnapshot
            {
                RepositoryId = repositoryId,
                Day = today,
                Contributors = contributors,
                Releases = releases,
                StarHistoryDifference = series is { } sum && stars is { } count ? sum - count : null,
                CollectedAt = Now,
            },
        ], cancellationToken);
    }

    private IQueryable<StarGain> StarGains(int repositoryId, string source) =>
        db.StarGains.Where(g => g.RepositoryId == repositoryId && g.Source == source);

    /// <summary>
    /// One untracked row per member (a model of an organisation), made on first sight. The organisation's collection
    /// covers them in one listing, so the collection service must not visit each again.
    /// </summary>
    private async Task<List<(Repository Row, MemberFacts Facts)>> EnsureMembersAsync(
        Repository parent, IReadOnlyList<MemberFacts> members, bool simulated, CancellationToken cancellationToken)
    {
        if (members.Count == 0)
        {
            return [];
        }

        var owner = parent.Owner.ToLowerInvariant();
        var existing = await db.Repositories
            .Where(r => r.Forge == parent.Forge && r.Kind != RepositoryKind.Organization && r.Owner.ToLower() == owner)
            .ToListAsync(cancellationToken);
        var byName = existing.GroupBy(r => r.Name, StringComparer.OrdinalIgnoreCase).ToDictionary(g => g.Key, g => g.First(), StringComparer.OrdinalIgnoreCase);
        var rows = new List<(Repository, MemberFacts)>();
        foreach (var member in members)
        {
            if (!byName.TryGetValue(member.Name, out var row))
            {
                row = new Repository
                {
                    ProjectId = parent.ProjectId, Forge = parent.Forge, Kind = member.Kind, Owner = member.Owner, Name = member.Name,
                    Role = RepositoryRole.Models, Tracked = false,
                };
                db.Repositories.Add(row);
                byName[member.Name] = row;
            }

            row.Status = RepositoryStatus.Active;
            row.CreatedAt = member.CreatedAt ?? row.CreatedAt;
            row.Simulated |= simulated;
            rows.Add((row, member));
        }

        await db.SaveChangesAsync(cancellationToken);
        return rows;
    }

    private static DailySnapshot Snapshot(int repositoryId, SnapshotFigures f, DateTime now) => new()
    {
        RepositoryId = repositoryId,
        Day = DateOnly.FromDateTime(now),
        Stars = f.Stars,
        Forks = f.Forks,
        Watchers = f.Watchers,
        OpenIssues = f.OpenIssues,
        SizeKb = f.SizeKb,
        PushedAt = f.PushedAt,
        Archived = f.Archived,
        Likes = f.Likes,
        Downloads30d = f.Downloads30d,
        DownloadsAllTime = f.DownloadsAllTime,
        CollectedAt = now,
    };
}
