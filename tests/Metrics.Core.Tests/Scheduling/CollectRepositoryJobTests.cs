using Hangfire;
using Hangfire.InMemory;
using Metrics.Core.Collection;
using Metrics.Core.Collection.Locks;
using Metrics.Core.Scheduling;
using Metrics.Core.Storage;
using Metrics.Core.Storage.Entities;
using Metrics.FakeForge.Faults;
using Metrics.FakeForge.World;
using Metrics.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Metrics.Core.Tests.Scheduling;

public sealed class CollectRepositoryJobTests
{
    [Fact]
    public async Task A_spent_quota_schedules_the_job_for_after_the_reset_instead_of_sleeping()
    {
        await using var harness = await ForgeHarness.StartAsync(DatabaseOptions.Sqlite, settings: new Dictionary<string, string?>
        {
            ["GitHub:RateLimit:MaxWait"] = "00:01:00",
        });
        var ids = await harness.TrackAsync(Forge.GitHub, SpecialRepositories.Young);
        harness.Fake.Faults.Settings = new FaultSettings { QuotaExhausted = true };
        using var storage = new InMemoryStorage();

        var started = harness.Fake.TimeProvider.GetUtcNow();
        await RunAsync(harness, storage, ids[0]);

        var scheduled = Assert.Single(storage.GetMonitoringApi().ScheduledJobs(0, 10)).Value;
        Assert.Equal([ids[0], default(CancellationToken)], scheduled.Job.Args);
        Assert.InRange(new DateTimeOffset(scheduled.EnqueueAt, TimeSpan.Zero), started.AddMinutes(1), started.AddHours(1).AddMinutes(2));
        var run = await harness.QueryAsync(db => db.CollectionRuns.SingleAsync());
        Assert.Equal(RunOutcome.Deferred, run.Outcome);
        Assert.True(harness.Fake.TimeProvider.GetUtcNow() - started < TimeSpan.FromMinutes(2), "the job must not have waited for the reset");
    }

    [Fact]
    public async Task A_failing_repository_is_retried_with_its_error_recorded_and_a_gone_one_is_not_retried()
    {
        await using var harness = await ForgeHarness.StartAsync(DatabaseOptions.Sqlite);
        var ids = await harness.TrackAsync(Forge.GitHub, SpecialRepositories.Young, SpecialRepositories.Deleted, SpecialRepositories.Old);
        using var storage = new InMemoryStorage();

        harness.Fake.Faults.Settings = new FaultSettings { ErrorRate = 1 };
        var failure = await Assert.ThrowsAsync<CollectionFailedException>(() => RunAsync(harness, storage, ids[0]));
        harness.Fake.Faults.Settings = new FaultSettings();
        await RunAsync(harness, storage, ids[1]);
        await RunAsync(harness, storage, ids[2]);

        Assert.Contains(SpecialRepositories.Young, failure.Message, StringComparison.Ordinal);
        var status = await harness.Database.InScopeAsync(s => new CollectionStatusQuery(s.GetRequiredService<MetricsDbContext>()).GetAsync([], null, CancellationToken.None));
        var byId = status.ToDictionary(s => s.RepositoryId);
        Assert.Equal(RunOutcome.Failed, byId[ids[0]].LastOutcome);
        Assert.Contains("500", byId[ids[0]].LastError, StringComparison.Ordinal);
        Assert.Equal(RunOutcome.Failed, byId[ids[1]].LastOutcome);
        Assert.Equal(RunOutcome.Succeeded, byId[ids[2]].LastOutcome);
        Assert.NotNull(byId[ids[2]].DataCollectedAt);
    }

    [Fact]
    public async Task A_repository_another_run_holds_is_left_alone_and_a_run_left_by_a_dead_process_is_marked_interrupted()
    {
        await using var harness = await ForgeHarness.StartAsync(DatabaseOptions.Sqlite);
        var ids = await harness.TrackAsync(Forge.GitHub, SpecialRepositories.Young);
        await harness.Database.InScopeAsync(async s =>
        {
            var db = s.GetRequiredService<MetricsDbContext>();
            db.CollectionRuns.Add(new CollectionRun { RepositoryId = ids[0], Kind = "full", StartedAt = DateTime.UtcNow.AddHours(-1), Outcome = RunOutcome.Running });
            await db.SaveChangesAsync();
        });
        using var storage = new InMemoryStorage();

        await using (await harness.Services.GetRequiredService<IRepositoryLocks>().TryAcquireAsync([ids[0]], CancellationToken.None))
        {
            await RunAsync(harness, storage, ids[0]);
            Assert.Equal(1, await harness.QueryAsync(db => db.CollectionRuns.CountAsync()));
        }

        await RunAsync(harness, storage, ids[0]);

        var runs = await harness.QueryAsync(db => db.CollectionRuns.OrderBy(r => r.Id).ToListAsync());
        Assert.Equal([RunOutcome.Partial, RunOutcome.Succeeded], runs.Select(r => r.Outcome));
        Assert.StartsWith("interrupted", runs[0].Error, StringComparison.Ordinal);
    }

    private static async Task RunAsync(ForgeHarness harness, JobStorage storage, int repositoryId)
    {
        await using var scope = harness.Services.CreateAsyncScope();
        var job = new CollectRepositoryJob(
            scope.ServiceProvider.GetRequiredService<CollectionService>(),
            new BackgroundJobClient(storage),
            scope.ServiceProvider.GetRequiredService<MetricsDbContext>(),
            harness.Fake.TimeProvider,
            scope.ServiceProvider.GetRequiredService<ILogger<CollectRepositoryJob>>());
        await job.CollectAsync(repositoryId, CancellationToken.None);
    }
}
