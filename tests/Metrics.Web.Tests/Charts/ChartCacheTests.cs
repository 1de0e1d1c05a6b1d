using System.Text.Json;
using Metrics.Core.Collection;
using Metrics.Core.Forges;
using Metrics.Core.Milestones;
using Metrics.Core.Storage;
using Metrics.Core.Storage.Entities;
using Metrics.Testing;
using Metrics.Web.Admin;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Metrics.Web.Tests.Charts;

/// <summary>
/// Drawn charts are kept by the database's data stamp: a second request is served from memory, and every kind of
/// writer (a collection run, a milestone edit that keeps the count, untracking a repository) moves the stamp, so the
/// next request draws the new data. The writers run in a second web app on the same database, as another process sharing it would.
/// </summary>
public sealed class ChartCacheTests
{
    private const string Url = "/charts/growth.json?p=tidb&ms=all";

    private static readonly DateOnly Start = new(2024, 1, 1);

    public static TheoryData<string> Providers => TestDatabase.Providers;

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task A_write_that_does_not_move_the_stamp_is_not_drawn_until_a_writer_moves_it(string provider)
    {
        await using var world = await WorldAsync(provider);
        using var client = world.Web.CreateClient();
        var before = await LastTotalAsync(client, "GitHub");

        // Behind every writer's back: the chart in memory is still the one served.
        await RewriteStarsWithoutTheStampAsync(world);
        var cached = await LastTotalAsync(client, "GitHub");
        await world.Database.InScopeAsync(s => DataStamps.BumpAsync(s.GetRequiredService<MetricsDbContext>(), CancellationToken.None));

        Assert.Equal(before, cached);
        Assert.Equal(before + (1000 * 30), await LastTotalAsync(client, "GitHub"));
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task The_growth_and_project_pages_show_the_kept_chart_until_a_writer_moves_the_stamp(string provider)
    {
        await using var world = await WorldAsync(provider);
        using var client = world.Web.CreateClient();
        string[] pages = ["/growth?p=tidb&ms=all", "/projects/tidb"];
        var before = await Task.WhenAll(pages.Select(p => PageTotalAsync(client, p)));

        // Behind every writer's back: the pages still show the chart built for the stamp they read.
        await RewriteStarsWithoutTheStampAsync(world);
        var cached = await Task.WhenAll(pages.Select(p => PageTotalAsync(client, p)));
        await world.Database.InScopeAsync(s => DataStamps.BumpAsync(s.GetRequiredService<MetricsDbContext>(), CancellationToken.None));

        Assert.Equal(before, cached);
        Assert.Equal(before.Select(b => b + (1000 * 30)), await Task.WhenAll(pages.Select(p => PageTotalAsync(client, p))));
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Stars_stored_by_a_collection_run_are_drawn_at_once_with_a_new_etag(string provider)
    {
        await using var world = await WorldAsync(provider);
        using var client = world.Web.CreateClient();
        var (before, etag) = (await LastTotalAsync(client, "GitHub"), await ETagAsync(client));

        await world.InOtherProcessAsync(s => s.GetRequiredService<CollectionWriter>().StoreStarDaysAsync(world.GitHubId, StarSources.GitHubHistory,
            new StarDaysChunk([new DayCount(Start.AddDays(30), 7)], new StarHistoryMark(Start, Start.AddDays(30), true)), CancellationToken.None));

        Assert.Equal(before + 7, await LastTotalAsync(client, "GitHub"));
        Assert.NotEqual(etag, await ETagAsync(client));
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task A_milestone_edited_without_changing_the_count_is_drawn_with_its_new_title(string provider)
    {
        await using var world = await WorldAsync(provider);
        using var client = world.Web.CreateClient();
        var id = await world.InOtherProcessAsync(async s => (await s.GetRequiredService<MilestoneEditor>()
            .AddAsync(Milestone("TiDB opens its doors"), CancellationToken.None)).MilestoneId!);
        var (titles, etag) = (await MilestoneTitlesAsync(client), await ETagAsync(client));

        var edit = await world.InOtherProcessAsync(s => s.GetRequiredService<MilestoneEditor>().UpdateAsync(id, Milestone("TiDB 1.0 ships"), CancellationToken.None));

        Assert.True(edit.Succeeded);
        Assert.Contains("TiDB opens its doors", titles);
        Assert.Equal(new[] { "TiDB 1.0 ships" }, await MilestoneTitlesAsync(client));
        Assert.NotEqual(etag, await ETagAsync(client));
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task An_untracked_repository_leaves_the_chart_at_once(string provider)
    {
        await using var world = await WorldAsync(provider);
        using var client = world.Web.CreateClient();
        var (labels, etag) = (await LabelsAsync(client), await ETagAsync(client));

        await world.InOtherProcessAsync(s => s.GetRequiredService<RepositoryEditor>().SetTrackedAsync(world.GiteeId, tracked: false, CancellationToken.None));

        Assert.Contains(labels, l => l.Contains("Gitee", StringComparison.Ordinal));
        Assert.DoesNotContain(await LabelsAsync(client), l => l.Contains("Gitee", StringComparison.Ordinal));
        Assert.NotEqual(etag, await ETagAsync(client));
    }

    private static MilestoneInput Milestone(string title) => new(title, "2024-01-20", DatePrecision.Day, "III", "A user's milestone.", ["tidb"]);

    private static async Task<List<JsonElement>> SeriesAsync(HttpClient client)
    {
        using var spec = JsonDocument.Parse(await client.GetStringAsync(new Uri(Url, UriKind.Relative)));
        return [.. spec.RootElement.GetProperty("series").EnumerateArray().Select(s => s.Clone())];
    }

    private static async Task<List<string>> LabelsAsync(HttpClient client) => [.. (await SeriesAsync(client)).Select(s => s.GetProperty("label").GetString()!)];

    /// <summary>The last GitHub total of the chart a page carries inside it (the specification the browser draws).</summary>
    private static async Task<double> PageTotalAsync(HttpClient client, string page)
    {
        var html = await client.GetStringAsync(new Uri(page, UriKind.Relative));
        var inline = System.Text.RegularExpressions.Regex.Match(html, "<script type=\"application/json\" class=\"chart-spec\">(.*?)</script>", System.Text.RegularExpressions.RegexOptions.Singleline);
        Assert.True(inline.Success, $"{page} carries no chart specification");
        using var spec = JsonDocument.Parse(inline.Groups[1].Value);
        var series = spec.RootElement.GetProperty("series").EnumerateArray().First(s => s.GetProperty("label").GetString()!.Contains("GitHub", StringComparison.Ordinal));
        return SpecPoints.Of(spec.RootElement, series).Last(p => p[1] is not null)[1]!.Value;
    }

    private static async Task<double> LastTotalAsync(HttpClient client, string forge)
    {
        using var spec = JsonDocument.Parse(await client.GetStringAsync(new Uri(Url, UriKind.Relative)));
        var series = spec.RootElement.GetProperty("series").EnumerateArray().Single(s => s.GetProperty("label").GetString()!.Contains(forge, StringComparison.Ordinal));
        return SpecPoints.Of(spec.RootElement, series).Last(p => p[1] is not null)[1]!.Value;
    }

    private static async Task<List<string>> MilestoneTitlesAsync(HttpClient client)
    {
        using var spec = JsonDocument.Parse(await client.GetStringAsync(new Uri(Url, UriKind.Relative)));
        return [.. spec.RootElement.GetProperty("milestones").EnumerateArray().Select(m => m.GetProperty("title").GetString()!)];
    }

    private static async Task<string> ETagAsync(HttpClient client)
    {
        using var response = await client.GetAsync(new Uri(Url, UriKind.Relative));
        return response.Headers.ETag!.Tag;
    }

    /// <summary>
    /// Star rows changed as a writer changes them (the repository's <c>StarsVersion</c> moves, which the rows kept between
    /// charts are checked against) but without moving the data stamp.
    /// </summary>
    private static Task RewriteStarsWithoutTheStampAsync(World world) => world.Database.InScopeAsync(async s =>
    {
        var database = s.GetRequiredService<MetricsDbContext>().Database;
        await database.ExecuteSqlAsync($"UPDATE star_gains SET \"Gained\" = \"Gained\" + 1000 WHERE \"RepositoryId\" = {world.GitHubId}");
        return await database.ExecuteSqlAsync($"UPDATE repositories SET \"StarsVersion\" = \"StarsVersion\" + 1 WHERE \"Id\" = {world.GitHubId}");
    });

    private static async Task<World> WorldAsync(string provider)
    {
        var database = await TestDatabase.CreateAsync(provider);
        var data = new DashboardData(database);
        await data.ProjectAsync("tidb", "TiDB");
        var github = await data.RepositoryAsync("tidb", Forge.GitHub, "pingcap/tidb", created: Start);
        var gitee = await data.RepositoryAsync("tidb", Forge.Gitee, "pingcap/tidb", RepositoryRole.Mirror, created: Start);
        await data.StarGainsAsync(github.Id, Start, [.. Enumerable.Repeat(10L, 30)]);
        await data.StarGainsAsync(gitee.Id, Start, [.. Enumerable.Repeat(1L, 30)], StarSources.GiteeStargazers);
        await data.RunAsync(github.Id, new DateTime(2024, 2, 1, 6, 0, 0, DateTimeKind.Utc), RunOutcome.Succeeded, 3, 0);
        var settings = new Dictionary<string, string?> { ["Catalog:SeedOnStart"] = "false" };
        return new World(database, new MetricsWebFactory(database, settings), new MetricsWebFactory(database, settings), github.Id, gitee.Id);
    }

    /// <summary>Two web apps on one database: <paramref name="Web"/> serves the charts, <paramref name="Other"/> writes.</summary>
    private sealed record World(TestDatabase Database, MetricsWebFactory Web, MetricsWebFactory Other, int GitHubId, int GiteeId) : IAsyncDisposable
    {
        public async Task<T> InOtherProcessAsync<T>(Func<IServiceProvider, Task<T>> work)
        {
            await using var scope = Other.Services.CreateAsyncScope();
            return await work(scope.ServiceProvider);
        }

        public Task InOtherProcessAsync(Func<IServiceProvider, Task> work) => InOtherProcessAsync(async s =>
        {
            await work(s);
            return 0;
        });

        public async ValueTask DisposeAsync()
        {
            await Web.DisposeAsync();
            await Other.DisposeAsync();
            await Database.DisposeAsync();
        }
    }
}
