using Hangfire;
using Xunit.Abstractions;
using Metrics.Core.Storage.Entities;
using Metrics.FakeForge.Faults;

namespace Metrics.Worker.Tests;

[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class WorkerProcessesCollection
{
    public const string Name = "worker processes";
}

[Collection(WorkerProcessesCollection.Name)]
public sealed class WorkerTests(ITestOutputHelper output)
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(120);

    [Fact]
    public async Task Two_workers_on_one_PostgreSQL_queue_collect_every_repository_exactly_once_per_tick_and_store_the_truth()
    {
        await using var world = await WorkerWorld.CreateAsync();
        // A daily cron (with seconds) a few seconds ahead: the real scheduler of both workers sees the same tick.
        var tick = NextSecond(TimeSpan.FromSeconds(15));
        var cron = $"{tick.Second} {tick.Minute} {tick.Hour} * * *";

        world.StartWorker(cron);
        world.StartWorker(cron);
        var monitoring = world.Storage.GetMonitoringApi();
        await WorkerWorld.WaitUntilAsync(() => Task.FromResult(monitoring.Servers().Count == 2 && world.CollectionJobs().Count == 40),
            Patience, world.WorkerOutput);
        if (DateTime.UtcNow > tick.AddSeconds(-3))
        {
            // A slow start (a busy CI machine): move the tick, as a changed Scheduling:Cron would at the next
            // reconcile, unless the first one fired already.
            Retime(world, "0 0 1 1 *");
            await Task.Delay(TimeSpan.FromSeconds(3));
            if ((await world.RunsAsync()).Count == 0 && monitoring.EnqueuedCount("default") == 0 && monitoring.ProcessingCount() == 0)
            {
                tick = NextSecond(TimeSpan.FromSeconds(5));
                Retime(world, $"{tick.Second} {tick.Minute} {tick.Hour} * * *");
            }
        }

        await WorkerWorld.WaitUntilAsync(async () => (await world.RunsAsync()).Count(r => r.Outcome != RunOutcome.Running) >= 40,
            Patience, world.WorkerOutput);
        await Task.Delay(TimeSpan.FromSeconds(3)); // a duplicate would have started by now

        var runs = await world.RunsAsync();
        output.WriteLine($"tick {tick:HH:mm:ss}: 40 repositories collected by two workers in {(runs.Max(r => r.FinishedAt!.Value) - runs.Min(r => r.StartedAt)).TotalSeconds:0.0} s, {runs.Sum(r => r.Requests)} requests");
        Assert.Equal(world.Repositories.Keys.Order(), runs.Select(r => r.RepositoryId).Order());
        Assert.All(runs, r => Assert.True(r.Outcome == RunOutcome.Succeeded, $"{world.Repositories[r.RepositoryId]}: {r.Outcome} {r.Error}"));
        Assert.All(runs, r => Assert.True(r.StartedAt >= tick.AddSeconds(-1), "collected by the tick, not before"));
        var servers = monitoring.SucceededJobs(0, 100)
            .Select(j => monitoring.JobDetails(j.Key).History.First(h => h.StateName == "Processing").Data["ServerId"])
            .Distinct().Count();
        Assert.Equal(2, servers);
        await TruthAssertions.AssertStoredEqualsTruthAsync(world);
    }

    [Fact]
    public async Task A_worker_killed_mid_run_leaves_consistent_data_and_the_next_run_completes_it_without_duplicates()
    {
        await using var world = await WorkerWorld.CreateAsync();
        const string OnlyByHand = "0 0 1 1 *";
        world.Forge.Faults.Settings = new FaultSettings { LatencyMs = 100 };
        var first = world.StartWorker(OnlyByHand);
        await WorkerWorld.WaitUntilAsync(() => Task.FromResult(world.CollectionJobs().Count == 40), Patience, world.WorkerOutput);
        world.TriggerAll();
        await WorkerWorld.WaitUntilAsync(async () => (await world.RunsAsync()) is var runs
            && runs.Count(r => r.Outcome == RunOutcome.Succeeded) >= 6 && runs.Any(r => r.Outcome == RunOutcome.Running),
            Patience, world.WorkerOutput);

        first.Kill();

        var killed = await world.RunsAsync();
        var interrupted = killed.Where(r => r.Outcome == RunOutcome.Running).Select(r => r.Id).ToList();
        Assert.NotEmpty(interrupted);
        await TruthAssertions.AssertNothingPassedOffAsWholeAsync(world);

        world.Forge.Faults.Settings = new FaultSettings();
        world.StartWorker(OnlyByHand);
        world.TriggerAll();
        var monitoring = world.Storage.GetMonitoringApi();
        await WorkerWorld.WaitUntilAsync(async () =>
        {
            var runs = await world.RunsAsync();
            return monitoring.EnqueuedCount("default") == 0 && runs.All(r => r.Outcome != RunOutcome.Running)
                && runs.GroupBy(r => r.RepositoryId).Count(g => g.MaxBy(r => r.Id)!.Outcome == RunOutcome.Succeeded) == 40;
        }, Patience, world.WorkerOutput);

        var after = (await world.RunsAsync()).ToDictionary(r => r.Id);
        output.WriteLine($"killed with {interrupted.Count} runs in flight and {killed.Count(r => r.Outcome == RunOutcome.Succeeded)} done; {after.Count} runs in all");
        Assert.All(interrupted, id => Assert.Equal((RunOutcome.Partial, true), (after[id].Outcome, after[id].Error!.StartsWith("interrupted", StringComparison.Ordinal))));
        await TruthAssertions.AssertStoredEqualsTruthAsync(world);
    }

    private static void Retime(WorkerWorld world, string cron)
    {
        var manager = new RecurringJobManager(world.Storage);
        foreach (var job in world.CollectionJobs())
        {
            manager.AddOrUpdate(job.Id, job.Job, cron, new RecurringJobOptions { TimeZone = TimeZoneInfo.Utc });
        }
    }

    private static DateTime NextSecond(TimeSpan margin)
    {
        var t = DateTime.UtcNow + margin;
        return new DateTime(t.Year, t.Month, t.Day, t.Hour, t.Minute, t.Second, DateTimeKind.Utc).AddSeconds(1);
    }
}
