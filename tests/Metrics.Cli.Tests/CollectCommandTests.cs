using Metrics.Core.Storage;
using Metrics.FakeForge.Hosting;
using Metrics.Testing;

namespace Metrics.Cli.Tests;

[Collection(EnvironmentCollection.Name)]
public sealed class CollectCommandTests
{
    [Fact]
    public async Task Seed_then_collect_a_project_from_the_catalog_world_prints_each_repository_and_no_token()
    {
        using var seeds = new SeedFiles();
        await using var forge = await FakeForgeServer.StartAsync(new FakeForgeOptions { CatalogPath = seeds.ProjectsPath, TimeProvider = TimeProvider.System });
        await using var database = await TestDatabase.CreateAsync(DatabaseOptions.Sqlite, migrate: false);
        const string token = "ghp_cli_secret_token_1234";
        var settings = new Dictionary<string, string?>(database.Settings)
        {
            ["GitHub:ApiUrl"] = forge.GitHubApiUrl.ToString(),
            ["GitHub:Token"] = token,
            ["Gitee:ApiUrl"] = forge.GiteeApiUrl.ToString(),
            ["Gitee:Token"] = "gitee_cli_secret_token_5678",
            ["HuggingFace:ApiUrl"] = forge.HuggingFaceUrl.ToString(),
        };

        var beforeSeed = await CliRunner.RunAsync(settings, "collect"); // a fresh database: migrated, nothing tracked yet
        var seed = await CliRunner.RunAsync(settings, "seed");
        var collect = await CliRunner.RunAsync(settings, "collect", "--project", "oceanbase");
        var unknown = await CliRunner.RunAsync(settings, "collect", "--project", "no-such-project");

        Assert.True(beforeSeed.ExitCode == 0, beforeSeed.Output + beforeSeed.Error);
        Assert.Contains("0 repositories", beforeSeed.Output, StringComparison.Ordinal);
        Assert.Equal(0, seed.ExitCode);
        Assert.True(collect.ExitCode == 0, collect.Output + collect.Error);
        Assert.Contains("oceanbase/oceanbase", collect.Output, StringComparison.Ordinal);
        Assert.Contains("Succeeded", collect.Output, StringComparison.Ordinal);
        Assert.Contains("SIMULATED", collect.Output, StringComparison.Ordinal);
        Assert.DoesNotContain(token, collect.Output + collect.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("gitee_cli_secret_token_5678", collect.Output + collect.Error, StringComparison.Ordinal);
        Assert.Equal(2, unknown.ExitCode);
        Assert.Contains("unknown project(s): no-such-project", unknown.Error, StringComparison.Ordinal);
    }
}
