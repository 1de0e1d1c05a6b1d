using Metrics.Core.Storage.Entities;
using Metrics.FakeForge.World;
using Metrics.Testing;
using Microsoft.EntityFrameworkCore;

namespace Metrics.Cli.Tests;

[Collection(EnvironmentCollection.Name)]
public sealed class CompareCommandTests
{
    [Fact]
    public async Task Compare_takes_any_two_forges_of_a_project_and_names_bad_choices()
    {
        await using var harness = await ForgeHarness.StartAsync(Core.Storage.DatabaseOptions.Sqlite);
        await harness.TrackAsync(Forge.GitCode, SpecialRepositories.Moved);
        var gitee = (await harness.TrackAsync(Forge.Gitee, SpecialRepositories.Moved))[0];
        await harness.QueryAsync(db => db.Repositories.Where(r => r.Id == gitee).ExecuteUpdateAsync(u => u.SetProperty(r => r.Role, RepositoryRole.Mirror)));
        Assert.True((await harness.CollectAsync()).AllSucceeded);
        var settings = harness.Database.Settings;

        var homes = await CliRunner.RunAsync(settings, "compare", "--project", "fake", "--forges", "gitee,gitcode", "--daily");
        var missing = await CliRunner.RunAsync(settings, "compare", "--project", "fake", "--forges", "github,gitcode");
        var one = await CliRunner.RunAsync(settings, "compare", "--project", "fake", "--forges", "gitee");
        var unknown = await CliRunner.RunAsync(settings, "compare", "--project", "fake", "--forges", "gitee,gitlab");

        Assert.Equal(0, homes.ExitCode);
        Assert.Contains("Gitee and GitCode side by side", homes.Output, StringComparison.Ordinal);
        var gitcodeStars = harness.Fake.Truth.GitCodeStars("fake-moved", "os").Created;
        var giteeStars = harness.Fake.Truth.GiteeStars("fake-moved", "os").Created;
        Assert.Contains($"{giteeStars:N0}", homes.Output.Split('\n').Last(l => l.StartsWith("20", StringComparison.Ordinal)), StringComparison.Ordinal);
        Assert.Contains($"{gitcodeStars:N0}", homes.Output.Split('\n').Last(l => l.StartsWith("20", StringComparison.Ordinal)), StringComparison.Ordinal);
        Assert.Contains("lag: days GitCode published after Gitee", homes.Output, StringComparison.Ordinal);
        Assert.Equal(2, missing.ExitCode);
        Assert.Contains("GitHub and GitCode", missing.Error, StringComparison.Ordinal);
        Assert.Contains("it has: gitee, gitcode", missing.Error, StringComparison.Ordinal);
        Assert.Equal((2, 2), (one.ExitCode, unknown.ExitCode));
        Assert.Contains("two forges separated by a comma", one.Error, StringComparison.Ordinal);
        Assert.Contains("unknown forge 'gitlab'", unknown.Error, StringComparison.Ordinal);
    }
}
