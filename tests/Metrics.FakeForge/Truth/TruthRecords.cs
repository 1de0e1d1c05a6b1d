namespace Metrics.FakeForge.Truth;

/// <summary>Total = stargazers_count now; Created = stars ever given; Days = UTC days with gains &gt; 0.</summary>
public sealed record StarTruth(int Total, int Created, IReadOnlyList<DayGain> Days);

public sealed record DayGain(DateOnly Date, int Gained);

/// <summary>Count includes anonymous contributors.</summary>
public sealed record ContributorTruth(int Count, int Anonymous, IReadOnlyList<ContributorEntry> Contributors);

public sealed record ContributorEntry(string? Login, string? Email, string Name, string Type, int Contributions);

/// <summary>Published, non-draft releases, newest first.</summary>
public sealed record ReleaseTruth(int Count, IReadOnlyList<ReleaseEntry> Releases);

public sealed record ReleaseEntry(string Tag, string? Name, bool Prerelease, DateTimeOffset PublishedAt, long Downloads);

/// <summary>Downloads = last 30 days including today; DownloadsAllTime since creation.</summary>
public sealed record HfModelTruth(string Id, int Likes, int Downloads, int DownloadsAllTime, DateTimeOffset CreatedAt);

public sealed record HfOrganizationTruth(string Organization, int Models, int Likes, long Downloads, long DownloadsAllTime, IReadOnlyList<HfModelTruth> Items);
