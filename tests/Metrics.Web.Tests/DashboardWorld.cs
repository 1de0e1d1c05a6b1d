using Metrics.Core.Storage.Entities;
using Metrics.Testing;

namespace Metrics.Web.Tests;

/// <summary>
/// A small world whose every number is known: TiDB on GitHub (a day not collected) and on Gitee (a mirror with a
/// missing tag), Qwen on GitHub and Hugging Face, milestones, runs. The seed import is off, so nothing else is there.
/// </summary>
public sealed class DashboardWorld : IAsyncLifetime
{
    public static readonly DateOnly Start = new(2024, 1, 1);
    public static readonly DateOnly End = new(2024, 12, 31);
    public static readonly DateOnly Missing = new(2024, 6, 1);
    public const long GitHubStarsPerDay = 10;
    public const long TidbStarsNow = 3640;

    public TestDatabase Database { get; private set; } = default!;
    public MetricsWebFactory Web { get; private set; } = default!;
    public int TidbGitHubId { get; private set; }
    public int TidbGiteeId { get; private set; }

    /// <summary>The cumulative GitHub stars of TiDB on the last day: ten a day, less the day that was not collected.</summary>
    public static long TidbHistoryTotal => (End.DayNumber - Start.DayNumber + 1 - 1) * GitHubStarsPerDay;

    public static IReadOnlyDictionary<string, string?> Settings(IReadOnlyDictionary<string, string?>? extra = null) =>
        new Dictionary<string, string?>(extra ?? new Dictionary<string, string?>()) { ["Catalog:SeedOnStart"] = "false" };

    public async Task InitializeAsync()
    {
        Database = await TestDatabase.CreateAsync(Core.Storage.DatabaseOptions.Sqlite);
        await FillAsync(new DashboardData(Database));
        Web = new MetricsWebFactory(Database, Settings());
    }

    private async Task FillAsync(DashboardData data)
    {
        await data.ProjectAsync("tidb", "TiDB 分布式数据库");
        await data.ProjectAsync("qwen", "Qwen", act: "VI");
        var github = await data.RepositoryAsync("tidb", Forge.GitHub, "pingcap/tidb", created: Start);
        var gitee = await data.RepositoryAsync("tidb", Forge.Gitee, "pingcap/tidb", RepositoryRole.Mirror, created: new DateOnly(2024, 3, 1));
        var qwen = await data.RepositoryAsync("qwen", Forge.GitHub, "QwenLM/Qwen3", created: new DateOnly(2024, 9, 1));
        var hub = await data.RepositoryAsync("qwen", Forge.HuggingFace, "Qwen", RepositoryRole.Models);
        (TidbGitHubId, TidbGiteeId) = (github.Id, gitee.Id);
        var days = End.DayNumber - Start.DayNumber + 1;
        await data.StarGainsAsync(github.Id, Start, [.. Enumerable.Repeat(GitHubStarsPerDay, days)], missing: Missing);
        await data.StarGainsAsync(gitee.Id, new DateOnly(2024, 3, 1), [.. Enumerable.Repeat(1L, End.DayNumber - new DateOnly(2024, 3, 1).DayNumber + 1)], StarSources.GiteeStargazers);
        await data.StarGainsAsync(qwen.Id, new DateOnly(2024, 9, 1), [.. Enumerable.Range(1, 122).Select(i => (long)i)]);
        await data.SnapshotAsync(github.Id, End, s => (s.Stars, s.Contributors, s.Releases, s.StarHistoryDifference, s.PushedAt) =
            (TidbStarsNow, 120, 2, TidbHistoryTotal - TidbStarsNow, new DateTime(2024, 12, 31, 5, 0, 0, DateTimeKind.Utc)));
        await data.SnapshotAsync(gitee.Id, End, s => (s.Stars, s.PushedAt) = (306, new DateTime(2024, 12, 21, 5, 0, 0, DateTimeKind.Utc)));
        await data.SnapshotAsync(hub.Id, End, s => (s.Likes, s.DownloadsAllTime) = (4321, 98765));
        await data.ReleaseAsync(github.Id, "v1.0", new DateTime(2024, 2, 1, 8, 0, 0, DateTimeKind.Utc), "=HYPERLINK(\"http://evil\")");
        await data.ReleaseAsync(github.Id, "v2.0", new DateTime(2024, 6, 15, 8, 0, 0, DateTimeKind.Utc), "TiDB 2.0 正式发布");
        await data.ReleaseAsync(gitee.Id, "v1.0", new DateTime(2024, 2, 5, 8, 0, 0, DateTimeKind.Utc), "v1.0");
        await data.ContributorAsync(github.Id, "alice", 100, firstWeek: new DateOnly(2024, 1, 7));
        await data.ContributorAsync(github.Id, "dependabot[bot]", 80, bot: true);
        await data.ContributorAsync(gitee.Id, "email:5ba0a406", 30, "Li Lei <lilei@example.com>");
        await data.MilestoneAsync("tidb-ga", new DateOnly(2024, 6, 15), DatePrecision.Day, "TiDB 2.0 ships", "III", "tidb");
        await data.MilestoneAsync("tidb-autumn", new DateOnly(2024, 9, 1), DatePrecision.Month, "TiDB autumn push", "III", "tidb");
        await data.MilestoneAsync("qwen-open", new DateOnly(2024, 9, 19), DatePrecision.Day, "Qwen opens weights", "VI", "qwen");
        await data.RunAsync(github.Id, new DateTime(2024, 12, 31, 6, 0, 0, DateTimeKind.Utc), RunOutcome.Succeeded, 20, 5);
        await data.RunAsync(hub.Id, new DateTime(2024, 12, 31, 6, 1, 0, DateTimeKind.Utc), RunOutcome.Failed, 3, 0, "503 from the forge: Service Unavailable");
    }

    public async Task DisposeAsync()
    {
        await Web.DisposeAsync();
        await Database.DisposeAsync();
    }
}
