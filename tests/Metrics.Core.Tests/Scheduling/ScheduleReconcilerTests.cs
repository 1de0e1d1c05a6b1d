using System.Text.Json.Nodes;
using Hangfire;
using Hangfire.Storage;
using Metrics.Core.Catalog;
using Metrics.Core.Scheduling;
using Metrics.Core.Storage;
using Metrics.Core.Storage.Entities;
using Metrics.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Metrics.Core.Tests.Scheduling;

public sealed class ScheduleReconcilerTests
{
    [Fact]
    public async Task Recurring_jobs_follow_the_catalog_and_the_configured_cron()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseOptions.Sqlite);
        using var seeds = new SeedFiles();
        using var host = BuildHost(database, new() { ["Scheduling:Cron"] = "30 1 * * *", ["Scheduling:SpreadMinutes"] = "120" });
        await ImportAsync(host, seeds);

        var first = await host.Services.GetRequiredService<ScheduleReconciler>().ReconcileAsync(CancellationToken.None);

        var expected = await TrackedGitHubAsync(host);
        var jobs = Jobs(host);
        Assert.Equal(expected.Count, first.Jobs);
        Assert.Equal(expected.Values.Order(), jobs.Select(j => (int)j.Job.Args[0]).Order());
        Assert.Contains(ScheduleReconciler.JobPrefix + "github/pingcap/tidb", jobs.Select(j => j.Id));
        Assert.All(jobs, j => Assert.Equal(CronSpread.Shift("30 1 * * *", CronSpread.OffsetMinutes((int)j.Job.Args[0], 120)), j.Cron));
        Assert.True(jobs.Select(j => j.Cron).Distinct().Count() > jobs.Count / 2, "start times should be spread");
        Assert.Equal(new ReconcileResult(expected.Count, 0, 0), await host.Services.GetRequiredService<ScheduleReconciler>().ReconcileAsync(CancellationToken.None));
    }

    [Fact]
    public async Task Adding_a_project_adds_its_job_and_removing_one_removes_it()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseOptions.Sqlite);
        using var seeds = new SeedFiles();
        using var host = BuildHost(database, []);
        await ImportAsync(host, seeds);
        var reconciler = host.Services.GetRequiredService<ScheduleReconciler>();
        var before = await reconciler.ReconcileAsync(CancellationToken.None);

        seeds.EditMilestones(milestones =>
        {
            foreach (var projects in milestones.Select(m => m!["projects"]).OfType<JsonArray>())
            {
                projects.Remove(projects.FirstOrDefault(p => (string?)p == "tidb"));
            }
        });
        seeds.EditProjects(projects =>
        {
            projects.Remove(projects.Single(p => (string?)p!["id"] == "tidb"));
            projects.Add(JsonNode.Parse("""
                { "id": "newcomer", "name": "Newcomer", "category": "database", "act": "III", "description": "Added in a test.",
                  "tracked": true, "firstPublic": null,
                  "repositories": [ { "forge": "github", "owner": "newcomer", "name": "engine", "role": "primary" } ] }
                """));
        });
        await ImportAsync(host, seeds);
        var after = await reconciler.ReconcileAsync(CancellationToken.None);

        var ids = Jobs(host).Select(j => j.Id).ToList();
        Assert.Contains(ScheduleReconciler.JobPrefix + "github/newcomer/engine", ids);
        Assert.DoesNotContain(ScheduleReconciler.JobPrefix + "github/pingcap/tidb", ids);
        Assert.Equal((1, 1), (after.Added, after.Removed));
        Assert.Equal(before.Jobs, after.Jobs);
        Assert.Equal((await TrackedGitHubAsync(host)).Count, ids.Count);
    }

    [Fact]
    public async Task Collect_now_queues_one_job_per_selected_repository_and_the_next_runs_are_known()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseOptions.Sqlite);
        await database.SeedAsync();
        using var host = BuildHost(database, new() { ["Scheduling:Cron"] = "0 2 * * *", ["Scheduling:SpreadMinutes"] = "0" });
        await host.Services.GetRequiredService<ScheduleReconciler>().ReconcileAsync(CancellationToken.None);
        var scheduler = host.Services.GetRequiredService<CollectionScheduler>();

        var queued = await scheduler.CollectNowAsync(new Collection.CollectionRequest(["tidb"]), CancellationToken.None);

        Assert.Equal(1, queued);
        Assert.True(scheduler.HasPendingWork());
        var next = scheduler.NextRun();
        Assert.NotNull(next);
        Assert.Equal((2, 0), (next.Value.UtcDateTime.Hour, next.Value.UtcDateTime.Minute));
        Assert.True(next > DateTimeOffset.UtcNow && next <= DateTimeOffset.UtcNow.AddDays(1));
        Assert.Equal((await TrackedGitHubAsync(host)).Values.Order(), scheduler.NextRuns().Keys.Order());
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task The_next_run_is_the_earliest_of_the_repositories_spread_start_times(string provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await database.SeedAsync();
        using var host = BuildHost(database, new() { ["Scheduling:Cron"] = "0 2 * * *", ["Scheduling:SpreadMinutes"] = "180" });
        await host.Services.GetRequiredService<ScheduleReconciler>().ReconcileAsync(CancellationToken.None);
        var scheduler = host.Services.GetRequiredService<CollectionScheduler>();

        var all = scheduler.NextRuns().Values.ToList();

        Assert.True(all.Distinct().Count() > 10, "the spread gives the repositories different start times");
        Assert.Equal(all.Min(), scheduler.NextRun());
    }

    private static IHost BuildHost(TestDatabase database, Dictionary<string, string?> settings)
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Configuration.AddInMemoryCollection(database.Settings).AddInMemoryCollection(settings);
        builder.AddMetricsCore();
        builder.AddMetricsScheduling(runServer: false);
        return builder.Build();
    }

    private static async Task ImportAsync(IHost host, SeedFiles seeds)
    {
        await using var scope = host.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<SeedImporter>().ImportAsync(seeds.Path, CancellationToken.None);
    }

    // The repositories a collector exists for today (GitHub; the others join as their collectors are registered).
    private static async Task<Dictionary<string, int>> TrackedGitHubAsync(IHost host)
    {
        await using var scope = host.Services.CreateAsyncScope();
        var forges = scope.ServiceProvider.GetRequiredService<Metrics.Core.Forges.ForgeRegistry>().Forges;
        var rows = await scope.ServiceProvider.GetRequiredService<MetricsDbContext>().Repositories
            .Where(r => r.Tracked && forges.Contains(r.Forge)).ToListAsync();
        return rows.ToDictionary(r => ScheduleReconciler.JobId(r.Forge, r.CatalogName ?? r.FullName), r => r.Id);
    }

    private static List<RecurringJobDto> Jobs(IHost host)
    {
        using var connection = host.Services.GetRequiredService<JobStorage>().GetConnection();
        return [.. connection.GetRecurringJobs().Where(j => j.Id.StartsWith(ScheduleReconciler.JobPrefix, StringComparison.Ordinal))];
    }
}
