using Metrics.Core.Localization;
using Metrics.Core.Series;
using Metrics.Core.Storage;
using Metrics.Core.Storage.Entities;
using Metrics.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Metrics.Core.Tests.Series;

public sealed class OverviewQueriesTests
{
    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Each_project_shows_its_latest_numbers_and_the_stars_of_the_last_30_and_365_days(string provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var data = new DashboardData(database);
        var today = new DateOnly(2026, 11, 15);
        await data.ProjectAsync("tidb", "TiDB");
        var repository = await data.RepositoryAsync("tidb", Forge.GitHub, "pingcap/tidb");
        await data.StarGainsAsync(repository.Id, today.AddDays(-399), [.. Enumerable.Repeat(2L, 400)]);
        await data.SnapshotAsync(repository.Id, today.AddDays(-1), s => (s.Stars, s.Contributors) = (700, 10));
        await data.SnapshotAsync(repository.Id, today, s => (s.Stars, s.Contributors, s.Releases) = (800, 12, 5));
        var clock = new FakeTimeProvider(new DateTimeOffset(today.ToDateTime(new TimeOnly(12, 0)), TimeSpan.Zero));

        var project = Assert.Single((await database.InScopeAsync(s =>
            new OverviewQueries(s.GetRequiredService<MetricsDbContext>(), clock).PageAsync(new OverviewRequest(1, 100), CancellationToken.None))).Projects);

        var lead = Assert.IsType<OverviewRepository>(project.Lead);
        Assert.Equal(800, lead.Latest!.Stars);
        Assert.Equal(12, lead.Latest.Contributors);
        Assert.Equal(60, lead.Gained30);
        Assert.Equal(730, lead.Gained365);
        Assert.Equal(53, project.Trend.Count);
        Assert.Equal(800, project.Trend[^1]);
        Assert.Equal(today.ToDateTime(new TimeOnly(6, 0), DateTimeKind.Utc), project.CollectedAt);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task The_year_is_summed_once_and_stored_until_new_stars_are_written_or_the_day_changes(string provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var data = new DashboardData(database);
        var today = new DateOnly(2026, 11, 15);
        await data.ProjectAsync("tidb", "TiDB");
        var repository = await data.RepositoryAsync("tidb", Forge.GitHub, "pingcap/tidb");
        await data.StarGainsAsync(repository.Id, today.AddDays(-399), [.. Enumerable.Repeat(2L, 400)]);
        await data.SnapshotAsync(repository.Id, today, s => s.Stars = 800);
        var clock = new FakeTimeProvider(new DateTimeOffset(today.ToDateTime(new TimeOnly(12, 0)), TimeSpan.Zero));
        async Task<IReadOnlyList<OverviewProject>> ViewAsync() => (await database.InScopeAsync(s =>
            new OverviewQueries(s.GetRequiredService<MetricsDbContext>(), clock).PageAsync(new OverviewRequest(1, 100), CancellationToken.None))).Projects;

        Assert.Equal(60, (await ViewAsync())[0].Lead!.Gained30);
        var stored = Assert.Single(await database.InScopeAsync(s => s.GetRequiredService<MetricsDbContext>().StarSummaries.ToListAsync()));
        Assert.Equal((repository.Id, today, 60L), (stored.RepositoryId, stored.AsOf, stored.Gained30));

        // A collection writes today's stars: the next view counts them, though the stored summary was from today.
        await data.StarGainsAsync(repository.Id, today, [50]);
        var afterRun = (await ViewAsync())[0].Lead!;
        Assert.Equal((108L, 778L), (afterRun.Gained30!.Value, afterRun.Gained365!.Value));

        // Ten days later, nothing written: the last 30 days hold 19 days of 2, the 50, and ten days without stars.
        clock.Advance(TimeSpan.FromDays(10));
        var later = (await ViewAsync())[0].Lead!;
        Assert.Equal(88, later.Gained30);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Projects_come_a_page_at_a_time_in_name_order_each_with_its_own_numbers(string provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var data = new DashboardData(database);
        var today = new DateOnly(2026, 11, 15);
        foreach (var i in Enumerable.Range(1, 25))
        {
            await data.ProjectAsync($"p{i:00}", $"Project {i:00}");
            var repository = await data.RepositoryAsync($"p{i:00}", Forge.GitHub, $"owner/p{i:00}");
            await data.SnapshotAsync(repository.Id, today, s => s.Stars = i * 100);
        }

        var clock = new FakeTimeProvider(new DateTimeOffset(today.ToDateTime(new TimeOnly(12, 0)), TimeSpan.Zero));
        Task<OverviewPage> PageAsync(int page) => database.InScopeAsync(s =>
            new OverviewQueries(s.GetRequiredService<MetricsDbContext>(), clock).PageAsync(new OverviewRequest(page, 10), CancellationToken.None));

        var second = await PageAsync(2);
        Assert.Equal((2, 3, 25), (second.Page, second.Pages, second.Total));
        Assert.Equal([.. Enumerable.Range(11, 10).Select(i => $"Project {i}")], second.Projects.Select(p => p.Name));
        Assert.Equal([.. Enumerable.Range(11, 10).Select(i => (long?)i * 100)], second.Projects.Select(p => p.Lead?.Latest?.Stars));

        // A page past the end shows the last one; a page before the first, the first.
        var past = await PageAsync(99);
        Assert.Equal(3, past.Page);
        Assert.Equal(["Project 21", "Project 22", "Project 23", "Project 24", "Project 25"], past.Projects.Select(p => p.Name));
        Assert.Equal("Project 01", (await PageAsync(0)).Projects[0].Name);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Ordering_by_a_figure_or_filtering_by_words_spans_every_page(string provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var data = new DashboardData(database);
        var today = new DateOnly(2026, 11, 15);
        foreach (var i in Enumerable.Range(1, 25))
        {
            await data.ProjectAsync($"p{i:00}", $"Project {i:00}");
            var repository = await data.RepositoryAsync($"p{i:00}", Forge.GitHub, i % 5 == 0 ? $"apache/p{i:00}" : $"owner/p{i:00}");
            if (i != 13)
            {
                // Stars rise and fall with i, so the order by stars is neither the name order nor its reverse.
                await data.SnapshotAsync(repository.Id, today, s => s.Stars = (i % 7) * 1000 + i);
            }
        }

        var clock = new FakeTimeProvider(new DateTimeOffset(today.ToDateTime(new TimeOnly(12, 0)), TimeSpan.Zero));
        Task<OverviewPage> PageAsync(OverviewRequest request) => database.InScopeAsync(s =>
            new OverviewQueries(s.GetRequiredService<MetricsDbContext>(), clock).PageAsync(request, CancellationToken.None));

        var byStars = Enumerable.Range(1, 25).Where(i => i != 13).OrderByDescending(i => (i % 7) * 1000 + i).Select(i => $"Project {i:00}").ToList();
        var top = await PageAsync(new OverviewRequest(1, 10, OverviewSort.Stars, Descending: true));
        Assert.Equal(byStars.Take(10), top.Projects.Select(p => p.Name));
        var last = await PageAsync(new OverviewRequest(3, 10, OverviewSort.Stars, Descending: true));
        Assert.Equal([.. byStars.Skip(20), "Project 13"], last.Projects.Select(p => p.Name)); // never collected: last either way
        Assert.Equal("Project 13", (await PageAsync(new OverviewRequest(3, 10, OverviewSort.Stars))).Projects[^1].Name);

        var apache = await PageAsync(new OverviewRequest(1, 10, Filter: "  APACHE  p1 "));
        Assert.Equal(["Project 10", "Project 15"], apache.Projects.Select(p => p.Name));
        Assert.Equal((1, 2, 25), (apache.Pages, apache.Total, apache.Tracked));
        Assert.Equal("Project 25", (await PageAsync(new OverviewRequest(1, 10, Descending: true))).Projects[0].Name);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_sorted_view_shows_every_write_and_the_readers_language_though_its_figures_are_kept(string provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var data = new DashboardData(database);
        var today = new DateOnly(2026, 11, 15);
        var ids = new Dictionary<string, int>();
        foreach (var (id, stars) in new[] { ("a", 300L), ("b", 200L), ("c", 100L) })
        {
            await data.ProjectAsync(id, $"Project {id}");
            ids[id] = (await data.RepositoryAsync(id, Forge.GitHub, $"owner/{id}")).Id;
            await data.SnapshotAsync(ids[id], today.AddDays(-1), s => s.Stars = stars);
        }

        await database.InScopeAsync(async s =>
        {
            var db = s.GetRequiredService<MetricsDbContext>();
            (await db.Projects.SingleAsync(p => p.Id == "b")).NameZh = "项目乙";
            return await db.SaveChangesAsync();
        });
        var clock = new FakeTimeProvider(new DateTimeOffset(today.ToDateTime(new TimeOnly(12, 0)), TimeSpan.Zero));
        var cache = new OverviewFiguresCache(); // one for the process, as the web app holds it
        async Task<string[]> ViewAsync() => [.. (await database.InScopeAsync(s =>
            new OverviewQueries(s.GetRequiredService<MetricsDbContext>(), clock, cache)
                .PageAsync(new OverviewRequest(1, 10, OverviewSort.Stars, Descending: true), CancellationToken.None))).Projects
            .Select(p => $"{p.Name} {p.Lead?.Latest?.Stars}")];

        Assert.Equal(["Project a 300", "Project b 200", "Project c 100"], await ViewAsync());
        Assert.Equal(["Project a 300", "Project b 200", "Project c 100"], await ViewAsync());

        // A collection stores a new count: the next view orders by it.
        await data.SnapshotAsync(ids["c"], today, s => s.Stars = 400);
        Assert.Equal(["Project c 400", "Project a 300", "Project b 200"], await ViewAsync());

        using (DisplayLanguage.Use(DisplayLanguage.Chinese))
        {
            Assert.Equal(["Project c 400", "Project a 300", "项目乙 200"], await ViewAsync());
            Assert.Equal("项目乙", (await database.InScopeAsync(s => new OverviewQueries(s.GetRequiredService<MetricsDbContext>(), clock, cache)
                .PageAsync(new OverviewRequest(1, 10, OverviewSort.Stars), CancellationToken.None))).Projects[0].Repositories[0].Repository.ProjectName);
        }

        Assert.Equal(["Project c 400", "Project a 300", "Project b 200"], await ViewAsync());
    }
}
