using Hangfire;
using Hangfire.PostgreSql;
using Hangfire.Storage;
using Metrics.Core.Scheduling;
using Metrics.Core.Storage;
using Metrics.Core.Storage.Entities;
using Metrics.FakeForge.Hosting;
using Metrics.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Metrics.Worker.Tests;

/// <summary>
/// A PostgreSQL database tracking the fake forge's 40 generated GitHub repositories, the fake forge itself (its
/// clock frozen, so the truth does not move during a test), and the shared Hangfire queue as a worker sees it.
/// </summary>
internal sealed class WorkerWorld : IAsyncDisposable
{
    private readonly List<WorkerProcess> _workers = [];

    private WorkerWorld(TestDatabase database, FakeForgeServer forge, PostgreSqlStorage storage, IReadOnlyDictionary<int, string> repositories)
    {
        Database = database;
        Forge = forge;
        Storage = storage;
        Repositories = repositories;
    }

    public TestDatabase Database { get; }
    public FakeForgeServer Forge { get; }
    public PostgreSqlStorage Storage { get; }

    /// <summary>Repository id → "owner/name".</summary>
    public IReadOnlyDictionary<int, string> Repositories { get; }

    public static async Task<WorkerWorld> CreateAsync()
    {
        var forge = await FakeForgeServer.StartAsync(new FakeForgeOptions { GeneratedRepositories = 40, StatsComputingCalls = 0 });
        var database = await TestDatabase.CreateAsync(DatabaseOptions.Postgres);
        var names = forge.World.GitHub.Where(r => r.Owner.StartsWith("gen-", StringComparison.Ordinal)).Select(r => r.FullName).ToList();
        var repositories = await database.InScopeAsync(async s =>
        {
            var db = s.GetRequiredService<MetricsDbContext>();
            db.Projects.Add(new Project { Id = "fake", Name = "Fake world", Tracked = true });
            var rows = names.Select(n => new Repository
            {
                ProjectId = "fake", Forge = Core.Storage.Entities.Forge.GitHub, Owner = n.Split('/')[0], Name = n.Split('/')[1],
                Kind = RepositoryKind.Repository, Tracked = true, CatalogName = n,
            }).ToList();
            db.Repositories.AddRange(rows);
            await db.SaveChangesAsync();
            return rows.ToDictionary(r => r.Id, r => r.FullName);
        });

        // The schema is created here once, as `metrics migrate` would be run once, rather than by two workers racing.
        var options = new PostgreSqlStorageOptions { SchemaName = "hangfire", PrepareSchemaIfNecessary = true };
        var storage = new PostgreSqlStorage(new Hangfire.PostgreSql.Factories.NpgsqlConnectionFactory(database.ConnectionString, options), options);
        return new WorkerWorld(database, forge, storage, repositories);
    }

    public Dictionary<string, string?> Settings(string cron) => new(Database.Settings)
    {
        ["GitHub:ApiUrl"] = Forge.GitHubApiUrl.ToString(),
        ["GitHub:Token"] = "worker-test-token",
        ["GitHub:RetryDelay"] = "00:00:00",
        ["GitHub:StatisticsRetryDelay"] = "00:00:00",
        ["Gitee:ApiUrl"] = Forge.GiteeApiUrl.ToString(),
        ["HuggingFace:ApiUrl"] = Forge.HuggingFaceUrl.ToString(),
        ["Scheduling:Cron"] = cron,
        ["Scheduling:SpreadMinutes"] = "0",
        ["Scheduling:ReconcileCron"] = "0 0 1 1 *", // the tests move crons by hand; no reconcile may move them back
        ["Scheduling:PollingInterval"] = "00:00:01",
        ["Scheduling:WorkerCount"] = "4",
        ["Logging:LogLevel:Default"] = "Warning",
    };

    public WorkerProcess StartWorker(string cron)
    {
        var worker = WorkerProcess.Start(Settings(cron));
        _workers.Add(worker);
        return worker;
    }

    public List<RecurringJobDto> CollectionJobs()
    {
        using var connection = Storage.GetConnection();
        return [.. connection.GetRecurringJobs().Where(j => j.Id.StartsWith(ScheduleReconciler.JobPrefix, StringComparison.Ordinal))];
    }

    /// <summary>One schedule tick by hand: every repository's recurring job fires once.</summary>
    public void TriggerAll()
    {
        var manager = new RecurringJobManager(Storage);
        foreach (var job in CollectionJobs())
        {
            manager.Trigger(job.Id);
        }
    }

    public Task<List<CollectionRun>> RunsAsync() =>
        Database.InScopeAsync(s => s.GetRequiredService<MetricsDbContext>().CollectionRuns.AsNoTracking().OrderBy(r => r.Id).ToListAsync());

    public static async Task WaitUntilAsync(Func<Task<bool>> condition, TimeSpan timeout, Func<string> describe)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (!await condition())
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"Gave up after {timeout}: {describe()}");
            }

            await Task.Delay(250);
        }
    }

    public string WorkerOutput() => string.Join("\n---\n", _workers.Select(w => w.Output));

    public async ValueTask DisposeAsync()
    {
        foreach (var worker in _workers)
        {
            await worker.DisposeAsync();
        }

        await Forge.DisposeAsync();
        await Database.DisposeAsync();
    }
}
