using Metrics.Core.Storage;
using Metrics.Core.Storage.Entities;
using Metrics.FakeForge.Hosting;
using Metrics.FakeForge.World;
using Metrics.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Metrics.Cli.Tests;

[Collection(EnvironmentCollection.Name)]
public sealed class StatusAndWorkerCommandTests
{
    [Fact]
    public async Task Collect_prints_progress_lines_when_redirected_and_status_shows_each_repository_with_its_last_error()
    {
        await using var forge = await FakeForgeServer.StartAsync(new FakeForgeOptions { GeneratedRepositories = 0 });
        await using var database = await TestDatabase.CreateAsync(DatabaseOptions.Sqlite);
        await TrackAsync(database, SpecialRepositories.Young, SpecialRepositories.Deleted);
        var settings = new Dictionary<string, string?>(database.Settings)
        {
            ["GitHub:ApiUrl"] = forge.GitHubApiUrl.ToString(),
            ["GitHub:Token"] = "cli-test-token",
            ["GitHub:StatisticsRetryDelay"] = "00:00:00",
        };

        var collect = await CliRunner.RunAsync(settings, "collect", "--project", "fake");
        var status = await CliRunner.RunAsync(settings, "status");
        var healthy = await CliRunner.RunAsync(settings, "status", "--forge", "Gitee", "--offline");

        Assert.Equal(1, collect.ExitCode);
        Assert.Contains("[1/2]", collect.Output, StringComparison.Ordinal);
        Assert.Contains("[2/2]", collect.Output, StringComparison.Ordinal);
        Assert.Contains("GitHub ", collect.Output, StringComparison.Ordinal);
        Assert.Contains(" left", collect.Output, StringComparison.Ordinal);

        Assert.Equal(1, status.ExitCode);
        var young = Line(status.Output, SpecialRepositories.Young);
        var gone = Line(status.Output, SpecialRepositories.Deleted);
        Assert.Contains("Succeeded", young, StringComparison.Ordinal);
        Assert.Contains("0m", young, StringComparison.Ordinal);
        Assert.Contains("Failed", gone, StringComparison.Ordinal);
        Assert.Contains("no repository fake-gone/deleted", gone, StringComparison.Ordinal);
        Assert.Contains("no data", gone, StringComparison.Ordinal);
        Assert.Contains("GitHub quota: ", status.Output, StringComparison.Ordinal);
        Assert.Contains(" of 5,000 left", status.Output, StringComparison.Ordinal);
        Assert.Equal(0, healthy.ExitCode);
    }

    [Fact]
    public async Task Status_of_a_repository_never_collected_exits_with_1_and_an_unknown_project_with_2()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseOptions.Sqlite);
        await database.SeedAsync();

        var status = await CliRunner.RunAsync(database.Settings, "status", "--project", "tidb", "--offline");
        var unknown = await CliRunner.RunAsync(database.Settings, "status", "--project", "nope", "--offline");

        Assert.Equal(1, status.ExitCode);
        Assert.Contains("never", Line(status.Output, "pingcap/tidb"), StringComparison.Ordinal);
        Assert.Equal(2, unknown.ExitCode);
        Assert.Contains("unknown project(s): nope", unknown.Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--workers", "0", "Scheduling:WorkerCount must be between 1 and 64")]
    [InlineData("--Scheduling:Cron", "every day", "Scheduling:Cron must be a cron expression with 5 fields")]
    public async Task A_bad_worker_setting_exits_with_2_and_names_the_key(string option, string value, string expected)
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseOptions.Sqlite);
        var settings = new Dictionary<string, string?>(database.Settings);
        string[] args = ["worker", option, value];
        if (option.StartsWith("--Scheduling", StringComparison.Ordinal))
        {
            settings[option[2..]] = value;
            args = ["worker"];
        }

        var result = await CliRunner.RunAsync(settings, args);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains(expected, result.Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("status", "the age of the stored data")]
    [InlineData("worker", "share it, and a repository is never collected by two at once")]
    public async Task Help_explains_status_and_worker(string command, string expected)
    {
        var result = await CliRunner.RunAsync(new Dictionary<string, string?>(), command, "--help");

        Assert.Equal(0, result.ExitCode);
        Assert.Contains(expected, result.Output.ReplaceLineEndings(" ").Replace("  ", " ", StringComparison.Ordinal), StringComparison.Ordinal);
    }

    private static string Line(string output, string repository) =>
        output.Split('\n').Single(l => l.Contains($" {repository} ", StringComparison.Ordinal));

    private static Task TrackAsync(TestDatabase database, params string[] names) => database.InScopeAsync(async s =>
    {
        var db = s.GetRequiredService<MetricsDbContext>();
        db.Projects.Add(new Project { Id = "fake", Name = "Fake", Tracked = true });
        db.Repositories.AddRange(names.Select(n => new Repository
        {
            ProjectId = "fake", Forge = Forge.GitHub, Owner = n.Split('/')[0], Name = n.Split('/')[1], Tracked = true, CatalogName = n,
        }));
        await db.SaveChangesAsync();
    });
}
