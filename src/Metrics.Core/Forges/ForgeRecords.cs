using Metrics.Core.Storage.Entities;

namespace Metrics.Core.Forges;

// Forge-neutral records: what a forge client reads and returns. No database entity crosses the seam; the collection
// writer turns these into rows.

/// <summary>What a client is asked about: a stored repository's coordinates and what earlier runs learned.</summary>
public sealed record RepositoryRef(Forge Forge, RepositoryKind Kind, string Owner, string Name, long? ForgeId, DateTime? CreatedAt)
{
    public string FullName => Name.Length == 0 ? Owner : $"{Owner}/{Name}";

    /// <summary>The repository's previous run, only when it succeeded (so all it read is stored); null: read everything.</summary>
    public LastRun? LastRun { get; init; }

    /// <summary>In the detail phases: what this run's snapshot phase read.</summary>
    public SnapshotFigures? Current { get; init; }
}

/// <summary>
/// What a repository's previous, successful run stored: for a forge without validators (ETags) to tell what cannot
/// have changed since (see <see cref="Unchanged"/>).
/// </summary>
public sealed record LastRun(DateTime FinishedAt, SnapshotFigures Snapshot, long? Contributors, long? Releases);

/// <summary>Today's figures; a forge leaves null what it does not report.</summary>
public sealed record SnapshotFigures
{
    public long? Stars { get; init; }
    public long? Forks { get; init; }
    public long? Watchers { get; init; }
    public long? OpenIssues { get; init; }
    public long? SizeKb { get; init; }
    public DateTime? PushedAt { get; init; }
    public bool? Archived { get; init; }
    public long? Likes { get; init; }
    public long? Downloads30d { get; init; }
    public long? DownloadsAllTime { get; init; }
}

/// <summary>
/// The snapshot phase's answer. Owner/Name are set when the forge names the repository itself (a rename or transfer
/// is then followed); <see cref="Members"/> are the models an organisation listing brought along.
/// </summary>
public sealed record RepositoryFacts(SnapshotFigures Snapshot)
{
    public long? ForgeId { get; init; }
    public string? Owner { get; init; }
    public string? Name { get; init; }
    public DateTime? CreatedAt { get; init; }

    /// <summary>The forge's own clone URL (never user input): where the git history step clones from.</summary>
    public string? CloneUrl { get; init; }
    public IReadOnlyList<MemberFacts> Members { get; init; } = [];
}

/// <summary>A repository or model listed under an organisation: stored as its own (untracked) row with a snapshot.</summary>
public sealed record MemberFacts(RepositoryKind Kind, string Owner, string Name, DateTime? CreatedAt, SnapshotFigures Snapshot);

/// <summary>
/// How far the stored star history is known to be complete: every day from <see cref="From"/> through
/// <see cref="Through"/>; <see cref="ReachedStart"/> when <see cref="From"/> is the start of the forge's list. A
/// history is whole only with both ends; until then pages and exports call it partial.
/// </summary>
public sealed record StarHistoryMark(DateOnly? From, DateOnly? Through, bool ReachedStart)
{
    public static StarHistoryMark None { get; } = new(null, null, false);
}

/// <summary>
/// The stored state a star-history read starts from: the mark, and for lists read oldest first the last day that had
/// stars within it (re-read, as it may have been read mid-day) with the stars counted before that day.
/// </summary>
public sealed record StarHistoryState(StarHistoryMark Mark, DateOnly? ResumeDay, long StarsBeforeResume);

public readonly record struct DayCount(DateOnly Day, long Gained);

/// <summary>
/// Days read from one or more pages, each day complete, and the mark that holds once they are stored. The writer stores
/// each chunk as it comes, so a run that fails later keeps it and the next one starts from the mark.
/// </summary>
public sealed record StarDaysChunk(IReadOnlyList<DayCount> Days, StarHistoryMark Mark);

/// <summary>
/// A contributor as the forge lists them. <see cref="Key"/> is the login, or <see cref="ContributorKeys.ForEmail"/>
/// for one known only by e-mail; the e-mail itself never crosses the seam.
/// </summary>
public sealed record ContributorRecord(string Key, string? DisplayName, bool Anonymous, bool Bot, long Contributions, DateOnly? FirstContributionWeek = null);

/// <summary>The contributor total (anonymous ones included where the forge counts them) and those listed.</summary>
public sealed record ContributorsRead(long Total, IReadOnlyList<ContributorRecord> Listed);

public sealed record ReleaseRecord(string Tag, string? Name, DateTime? PublishedAt, bool Prerelease, long? Downloads);

/// <summary>
/// Published releases and every tag name. A forge that did not re-read a list (it cannot have changed) leaves it empty
/// and, for releases, sets <see cref="UnchangedCount"/>: stored releases and tags are never removed by a read.
/// </summary>
public sealed record ReleasesRead(IReadOnlyList<ReleaseRecord> Releases, IReadOnlyList<string> Tags)
{
    /// <summary>The number of releases when the release list was not re-read (the last run's).</summary>
    public long? UnchangedCount { get; init; }
}
