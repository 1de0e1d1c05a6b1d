using System.Text.RegularExpressions;
using Metrics.Core.Collection.Locks;
using Metrics.Core.Scheduling;
using Metrics.Core.Storage;
using Metrics.Core.Storage.Entities;
using Metrics.FakeForge.Hosting;
using Metrics.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Metrics.Cli.Tests;

[Collection(EnvironmentCollection.Name)]
public sealed partial class SimulatedAndStatusTests
{
    [Fact]
    public async Task Data_from_the_fake_forge_is_marked_by_status_compare_and_export_and_progress_names_forge_and_outcome()
    {
        using var seeds = new SeedFiles();
        await using var forge = await FakeForgeServer.StartAsync(new FakeForgeOptions { CatalogPath = seeds.ProjectsPath, TimeProvider = TimeProvider.System });
        await using var database = await TestDatabase.CreateAsync(DatabaseOptions.Sqlite);
        await database.SeedAsync();
        var settings = new Dictionary<string, string?>(database.Settings)
        {
            ["GitHub:ApiUrl"] = forge.GitHubApiUrl.ToString(),
            ["GitHub:Token"] = "cli-test-token",
            ["Gitee:ApiUrl"] = forge.GiteeApiUrl.ToString(),
            ["GitHub:StatisticsRetryDelay"] = "00:00:00",
        };
        var csv = Path.Combine(Path.GetTempPath(), $"stars-{Guid.NewGuid():N}.csv");

        var collect = await CliRunner.RunAsync(settings, "collect", "--project", "oceanbase");
        var status = await CliRunner.RunAsync(settings, "status", "--project", "oceanbase", "--offline");
        var compare = await CliRunner.RunAsync(settings, "compare", "--project", "oceanbase");
        var export = await CliRunner.RunAsync(settings, "export", "--dataset", "stars", "--project", "oceanbase", "--out", csv);
        var toStdout = await CliRunner.RunAsync(settings, "export", "--dataset", "releases", "--project", "oceanbase");

        try
        {
            Assert.Matches(@"\[\d/2\] GitHub oceanbase/oceanbase: Succeeded;", collect.Output);
            Assert.Matches(@"\[\d/2\] Gitee oceanbase/oceanbase: Succeeded;", collect.Output);
            Assert.Contains($"Database: SQLite {new Microsoft.Data.Sqlite.SqliteConnectionStringBuilder(database.ConnectionString).DataSource}", status.Output, StringComparison.Ordinal);
            foreach (var result in new[] { status, compare, export })
            {
                Assert.Contains("warning: SIMULATED data", result.Output, StringComparison.Ordinal);
            }

            // A CSV on standard output stays clean: the warning goes to standard error.
            Assert.Contains("warning: SIMULATED data", toStdout.Error, StringComparison.Ordinal);
            Assert.DoesNotContain("warning", toStdout.Output, StringComparison.Ordinal);
            var lines = await File.ReadAllLinesAsync(csv);
            Assert.EndsWith(",simulated,project_name", lines[0], StringComparison.Ordinal);
            Assert.All(lines.Skip(1), l => Assert.EndsWith(",true,OceanBase", l, StringComparison.Ordinal));
            Assert.True(lines.Length > 100);

            // Release lag to a tenth of a day, as the Mirrors page shows it.
            var lags = TagLine().Matches(compare.Output);
            Assert.NotEmpty(lags);
            Assert.All(lags, m => Assert.Matches(@"^\d+\.\d$", m.Groups[1].Value));
        }
        finally
        {
            File.Delete(csv);
        }
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Status_exits_1_while_a_run_is_left_Running_by_a_stopped_process_but_not_while_one_is_collecting(string provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var data = new DashboardData(database);
        await data.ProjectAsync("p", "P");
        var left = await data.RepositoryAsync("p", Forge.GitHub, "o/left");
        var busy = await data.RepositoryAsync("p", Forge.GitHub, "o/busy");
        await data.RunAsync(left.Id, DateTime.UtcNow.AddMinutes(-5), RunOutcome.Succeeded, 3, 0);
        await data.RunAsync(busy.Id, DateTime.UtcNow.AddMinutes(-5), RunOutcome.Succeeded, 3, 0);
        await data.RunAsync(left.Id, DateTime.UtcNow.AddMinutes(-1), RunOutcome.Running, 1, 0);
        await data.RunAsync(busy.Id, DateTime.UtcNow.AddMinutes(-1), RunOutcome.Running, 1, 0);

        // Another process is collecting o/busy: it holds that repository's lock, as a live run does.
        var services = new ServiceCollection().AddSingleton(database.Configuration).AddMetricsStorage(database.Configuration).AddRepositoryLocks().BuildServiceProvider();
        await using (services)
        {
            await using var lease = await services.GetRequiredService<IRepositoryLocks>().TryAcquireAsync([busy.Id], CancellationToken.None);
            Assert.Contains(busy.Id, lease.Held);

            var status = await CliRunner.RunAsync(database.Settings, "status", "--offline");

            Assert.Equal(1, status.ExitCode);
            Assert.Contains("Interrupted", Line(status.Output, "o/left"), StringComparison.Ordinal);
            Assert.Contains("left Running by a process that stopped", Line(status.Output, "o/left"), StringComparison.Ordinal);
            Assert.Contains("Running", Line(status.Output, "o/busy"), StringComparison.Ordinal);
            Assert.DoesNotContain("Interrupted", Line(status.Output, "o/busy"), StringComparison.Ordinal);
            Assert.Contains("1 need attention", status.Output, StringComparison.Ordinal);
        }
    }

    private static string Line(string output, string repository) =>
        output.Split('\n').Single(l => l.Contains($" {repository} ", StringComparison.Ordinal));

    // "v1.2.0   2025-01-01 10:00   2025-01-05 12:00   4.1": the lag is the last column.
    [GeneratedRegex(@"^v\S+\s+\d{4}-\d\d-\d\d \d\d:\d\d\s+\d{4}-\d\d-\d\d \d\d:\d\d\s+(\S+)\s*$", RegexOptions.Multiline)]
    private static partial Regex TagLine();
}
