using System.Net;
using Metrics.Core.Storage;
using Metrics.Core.Storage.Entities;
using Metrics.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Metrics.Web.Tests.Pages;

public sealed class HomePageTests
{
    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task The_first_start_migrates_seeds_and_lists_tracked_projects_and_every_milestone(string provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider, migrate: false);
        using var seeds = new SeedFiles();
        await using var factory = new MetricsWebFactory(database);
        var client = factory.CreateClient();

        var response = await client.GetAsync(new Uri("/", UriKind.Relative));
        var html = await response.Content.ReadAsStringAsync();
        var milestones = await client.GetStringAsync(new Uri("/milestones", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var tracked = seeds.Projects.Where(p => p!["tracked"]!.GetValue<bool>()).Select(p => p!["id"]!.GetValue<string>()).ToList();
        Assert.NotEmpty(tracked);
        Assert.All(tracked, id => Assert.Contains($"id=\"project-{id}\"", html, StringComparison.Ordinal));
        Assert.Equal(tracked.Count, CountOf(html, "id=\"project-"));
        Assert.All(seeds.Milestones, m => Assert.Contains($"id=\"milestone-{m!["id"]}\"", milestones, StringComparison.Ordinal));
        Assert.Contains("pingcap/tidb", html, StringComparison.Ordinal);
        Assert.DoesNotContain("simulated-banner", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_timeline_reads_the_database_and_shows_dates_only_as_precisely_as_they_are_known()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseOptions.Sqlite);
        await using var factory = new MetricsWebFactory(database);
        var client = factory.CreateClient();
        await client.GetAsync(new Uri("/", UriKind.Relative));
        await database.InScopeAsync(async s =>
        {
            var db = s.GetRequiredService<MetricsDbContext>();
            db.Milestones.Add(new Milestone { Id = "user-note", Title = "开源里程碑 added by a user", Date = new DateOnly(2023, 6, 1), Precision = DatePrecision.Month, UserAdded = true, Act = "VI" });
            await db.SaveChangesAsync();
        });

        var html = await client.GetStringAsync(new Uri("/milestones", UriKind.Relative));

        Assert.Contains("开源里程碑 added by a user", WebUtility.HtmlDecode(html), StringComparison.Ordinal);
        Assert.Contains("<time datetime=\"2023-06\"", html, StringComparison.Ordinal);
    }

    private static int CountOf(string text, string value) =>
        (text.Length - text.Replace(value, "", StringComparison.Ordinal).Length) / value.Length;
}
