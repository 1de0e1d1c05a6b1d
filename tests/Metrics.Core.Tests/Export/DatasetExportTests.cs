using System.Globalization;
using Metrics.Core.Export;
using Metrics.Core.Storage;
using Metrics.Core.Storage.Entities;
using Metrics.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Metrics.Core.Tests.Export;

public sealed class DatasetExportTests
{
    private static readonly DateOnly Day0 = new(2025, 1, 1);

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task The_stars_export_parses_back_to_exactly_the_stored_gains_and_their_running_sum(string provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var data = new DashboardData(database);
        await data.ProjectAsync("tidb", "TiDB");
        await data.ProjectAsync("other", "Other");
        var tidb = await data.RepositoryAsync("tidb", Forge.GitHub, "pingcap/tidb");
        var mirror = await data.RepositoryAsync("tidb", Forge.Gitee, "pingcap/tidb", RepositoryRole.Mirror);
        var other = await data.RepositoryAsync("other", Forge.GitHub, "x/y");
        var random = new Random(7);
        await data.StarGainsAsync(tidb.Id, Day0, [.. Enumerable.Range(0, 400).Select(_ => (long)random.Next(0, 500))], missing: Day0.AddDays(100));
        await data.StarGainsAsync(mirror.Id, Day0, [.. Enumerable.Range(0, 50).Select(_ => (long)random.Next(0, 5))], StarSources.GiteeStargazers);
        await data.StarGainsAsync(other.Id, Day0, [1, 2, 3]);

        var rows = Exports.Parse(await Exports.BytesAsync(database, Datasets.Stars, new ExportFilter(["tidb"])));

        var stored = await database.InScopeAsync(s => s.GetRequiredService<MetricsDbContext>().StarGains.AsNoTracking()
            .Where(g => g.RepositoryId == tidb.Id || g.RepositoryId == mirror.Id).ToListAsync());
        var gained = rows.Where(r => r["metric"] == "stars_gained").ToList();
        Assert.Equal(stored.Count, gained.Count);
        Assert.All(rows, r => Assert.Equal("tidb", r["project"]));
        foreach (var (forge, repository) in new[] { ("github", tidb), ("gitee", mirror) })
        {
            var expected = stored.Where(g => g.RepositoryId == repository.Id).OrderBy(g => g.Day).ToList();
            var running = 0L;
            var cumulative = expected.Select(g => (g.Day, Total: running += g.Gained)).ToList();
            var exported = rows.Where(r => r["forge"] == forge).ToList();
            Assert.Equal(expected.Select(g => (g.Day, g.Gained)), exported.Where(r => r["metric"] == "stars_gained").Select(r => (Day(r), long.Parse(r["value"], CultureInfo.InvariantCulture))));
            Assert.Equal(cumulative, exported.Where(r => r["metric"] == "stars").Select(r => (Day(r), long.Parse(r["value"], CultureInfo.InvariantCulture))));
            Assert.All(exported, r => Assert.Equal(expected[0].Source, r["source"]));
        }
    }

    [Fact]
    public async Task A_date_range_keeps_the_true_cumulative_count()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseOptions.Sqlite);
        var data = new DashboardData(database);
        await data.ProjectAsync("p", "P");
        var repository = await data.RepositoryAsync("p", Forge.GitHub, "o/r");
        await data.StarGainsAsync(repository.Id, Day0, [10, 20, 30, 40]);

        var rows = Exports.Parse(await Exports.BytesAsync(database, Datasets.Stars, new ExportFilter([], Day0.AddDays(2), Day0.AddDays(2))));

        Assert.Equal(["30", "60"], rows.Select(r => r["value"]));
        Assert.All(rows, r => Assert.Equal("2025-01-03", r["date"]));
    }

    [Fact]
    public async Task Cells_that_would_run_as_formulas_are_neutralised_but_negative_numbers_stay_numbers()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseOptions.Sqlite);
        var data = new DashboardData(database);
        await data.ProjectAsync("p", "P");
        var repository = await data.RepositoryAsync("p", Forge.GitHub, "o/r");
        var published = new DateTime(2025, 2, 1, 0, 0, 0, DateTimeKind.Utc);
        await data.ReleaseAsync(repository.Id, "v1", published, "=HYPERLINK(\"http://evil\",\"click\")");
        await data.ReleaseAsync(repository.Id, "v2", published.AddDays(1), "+cmd|' /C calc'!A0");
        await data.ReleaseAsync(repository.Id, "v3", published.AddDays(2), "@SUM(1+1)");
        await data.ReleaseAsync(repository.Id, "v4", published.AddDays(3), "-2+3");
        await data.SnapshotAsync(repository.Id, Day0, s => (s.Stars, s.StarHistoryDifference) = (10, -4));

        var releases = Exports.Parse(await Exports.BytesAsync(database, Datasets.Releases, ExportFilter.All));
        var snapshots = Exports.Parse(await Exports.BytesAsync(database, Datasets.Snapshots, ExportFilter.All));

        Assert.Equal(["'=HYPERLINK(\"http://evil\",\"click\")", "'+cmd|' /C calc'!A0", "'@SUM(1+1)", "'-2+3"], releases.Select(r => r["name"]));
        Assert.Equal("-4", snapshots.Single(r => r["metric"] == "star_history_difference")["value"]);
    }

    [Fact]
    public async Task Utf8_with_a_byte_order_mark_only_on_request_and_Chinese_text_intact()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseOptions.Sqlite);
        await new DashboardData(database).MilestoneAsync("m1", new DateOnly(2019, 5, 1), DatePrecision.Month, "华为发布鸿蒙 HarmonyOS", "V");

        var plain = await Exports.BytesAsync(database, Datasets.Milestones, ExportFilter.All);
        var excel = await Exports.BytesAsync(database, Datasets.Milestones, ExportFilter.All, bom: true);

        Assert.NotEqual(0xEF, plain[0]);
        Assert.Equal([0xEF, 0xBB, 0xBF], excel[..3]);
        var milestone = Assert.Single(Exports.Parse(plain));
        Assert.Equal("华为发布鸿蒙 HarmonyOS", milestone["title"]);
        Assert.Equal(("2019-05", "month", "2019-05-01", "2019-05-31"), (milestone["date"], milestone["precision"], milestone["start"], milestone["end"]));
    }

    [Fact]
    public async Task Contributors_are_exported_without_any_email_address_or_its_hash()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseOptions.Sqlite);
        var data = new DashboardData(database);
        await data.ProjectAsync("p", "P");
        var repository = await data.RepositoryAsync("p", Forge.Gitee, "o/r");
        await data.ContributorAsync(repository.Id, "octocat", 50);
        await data.ContributorAsync(repository.Id, "email:5ba0a406f422f733bfa473be29a95865", 40, "Li Lei <lilei@example.com>");
        await data.ContributorAsync(repository.Id, "email:0000", 30, "Han Meimei", anonymous: true);
        await data.ContributorAsync(repository.Id, "dependabot[bot]", 20, bot: true);

        var text = Exports.Text(await Exports.BytesAsync(database, Datasets.Contributors, ExportFilter.All));
        var rows = Exports.Parse(await Exports.BytesAsync(database, Datasets.Contributors, ExportFilter.All));

        Assert.DoesNotContain("@", text, StringComparison.Ordinal);
        Assert.DoesNotContain("email:", text, StringComparison.Ordinal);
        Assert.Equal(["octocat", "", "", "dependabot[bot]"], rows.Select(r => r["login"]));
        Assert.Equal("Li Lei <[e-mail removed]>", rows[1]["name"]);
        Assert.Equal("true", rows[3]["bot"]);
    }

    private static DateOnly Day(Dictionary<string, string> row) => DateOnly.ParseExact(row["date"], "yyyy-MM-dd", CultureInfo.InvariantCulture);
}
