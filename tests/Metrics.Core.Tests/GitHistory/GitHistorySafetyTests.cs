using System.Security.Cryptography;
using Metrics.Core.GitHistory;
using Metrics.Core.Series;
using Metrics.Core.Storage.Entities;
using Metrics.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Metrics.Core.Tests.GitHistory;

public sealed class GitHistorySafetyTests
{
    private const string GitHubToken = "ghp_SECRET_git_4f0b9e2c7d";
    private const string GiteeToken = "gitee-SECRET-git-8a1d3c5e";

    [Fact]
    public async Task No_forge_token_reaches_a_git_command_line_a_log_line_or_a_stored_error()
    {
        await using var world = await GitWorld.StartAsync("Sqlite", new Dictionary<string, string?>
        {
            ["GitHub:Token"] = GitHubToken,
            ["Gitee:Token"] = GiteeToken,
        });
        Directory.Move(world.GiteeSource, world.GiteeSource + ".gone");

        await world.Harness.CollectAsync();

        // Every git command line is logged (at debug) exactly as it was passed to the process.
        var commands = world.Harness.Logs.Lines.Where(l => l.Contains("git clone --bare --filter=tree:0 --single-branch", StringComparison.Ordinal)).ToList();
        Assert.Equal(2, commands.Count);
        Assert.Contains(commands, c => c.Contains("file://", StringComparison.Ordinal));
        var stored = await world.Harness.QueryAsync(async db => (await db.Set<GitClone>().Select(c => c.Error ?? "").ToListAsync())
            .Concat(await db.Repositories.Select(r => r.CloneUrl ?? "").ToListAsync()).ToList());
        Assert.Contains(stored, s => s.Contains("fake-mirrored/engine", StringComparison.Ordinal) && s.Contains("exited with", StringComparison.Ordinal));
        Assert.DoesNotContain(world.Harness.Logs.Lines.Concat(stored), l => l.Contains("SECRET", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("https://user:ghp_secret@github.com/a/b.git", "credentials")]
    [InlineData("ext::sh -c touch% /tmp/pwned", "'ext'")]
    [InlineData("ssh://git@github.com/a/b.git", "'ssh'")]
    [InlineData("https://github.com/a/b.git?access_token=x", "query")]
    [InlineData(null, "no clone URL")]
    public void A_clone_url_git_should_not_see_is_refused_with_the_reason(string? url, string reason)
    {
        var problem = CloneUrls.Problem(url, ["https"]);
        Assert.NotNull(problem);
        Assert.Contains(reason, problem, StringComparison.Ordinal);
        Assert.DoesNotContain("ghp_secret", problem, StringComparison.Ordinal);
        Assert.Null(CloneUrls.Problem("https://gitee.com/oceanbase/oceanbase.git", ["https"]));
    }

    [Fact]
    public async Task A_half_finished_clone_is_found_and_made_again()
    {
        await using var world = await GitWorld.StartAsync("Sqlite");
        await world.Harness.CollectAsync();
        var clone = Directory.GetDirectories(Path.Combine(world.DataDirectory, "github")).Single();

        // As a kill between git's last byte and the marker leaves it: a clone folder without the marker, and a
        // side folder that a killed clone left.
        File.Delete(Path.Combine(clone, "metrics-clone-complete"));
        Directory.CreateDirectory(clone + ".partial");
        await File.WriteAllTextAsync(Path.Combine(clone + ".partial", "leftover"), "half");
        var before = await ContributorsAsync(world);

        var results = await GitHistoryCollectionTests.UpdateAllAsync(world);

        Assert.NotEqual(GitHistoryOutcome.Failed, results[0].Outcome);
        Assert.True(results[0].BytesFetched > 0, "the clone should have been made again");
        Assert.True(File.Exists(Path.Combine(clone, "metrics-clone-complete")));
        Assert.False(Directory.Exists(clone + ".partial"));
        Assert.Contains(world.Harness.Logs.Lines, l => l.Contains("half-finished", StringComparison.Ordinal));
        Assert.Equal(before, await ContributorsAsync(world));
    }

    [Fact]
    public async Task A_repository_past_the_size_cap_is_stopped_with_a_message_and_not_tried_again_at_that_cap()
    {
        await using var world = await GitWorld.StartAsync("Sqlite", new Dictionary<string, string?> { ["GitHistory:MaxCloneBytes"] = "1000000" });
        var big = Path.Combine(world.Root, "served", "github", "fake-old", "legacy.git");
        await GitRepositories.WriteAsync(big, Enumerable.Range(0, 3000).Select(i =>
            new GitCommitSpec("Big", $"big{i % 7}@example.com", GitWorld.At(2020, 1, 1, 0).AddHours(i)) { Message = Convert.ToBase64String(RandomNumberGenerator.GetBytes(1200)) }));
        var id = (await world.Harness.TrackAsync(Forge.GitHub, "fake-old/legacy"))[0];

        await world.Harness.CollectAsync();

        var clone = await world.Harness.QueryAsync(db => db.Set<GitClone>().SingleAsync(c => c.RepositoryId == id));
        Assert.Contains("fake-old/legacy is larger than the git history size cap of 1 MB (GitHistory:MaxCloneBytes)", clone.Error, StringComparison.Ordinal);
        Assert.Null(clone.Head);
        Assert.DoesNotContain(Directory.GetFileSystemEntries(Path.Combine(world.DataDirectory, "github")), p => p.Contains($"{id}.git", StringComparison.Ordinal));
        Assert.Equal(6, (await ContributorsAsync(world))[^1].Value);

        var clones = world.Harness.Logs.Lines.Count(l => l.Contains("git clone", StringComparison.Ordinal));
        await using var scope = world.Harness.Services.CreateAsyncScope();
        var again = await scope.ServiceProvider.GetRequiredService<IGitHistory>().UpdateAsync(id, CancellationToken.None);
        Assert.Equal(GitHistoryOutcome.Failed, again.Outcome);
        Assert.Contains("when last tried; raise the cap", again.Message, StringComparison.Ordinal);
        Assert.Equal(clones, world.Harness.Logs.Lines.Count(l => l.Contains("git clone", StringComparison.Ordinal)));
    }

    private static async Task<IReadOnlyList<SeriesPoint>> ContributorsAsync(GitWorld world)
    {
        await using var scope = world.Harness.Services.CreateAsyncScope();
        var series = await scope.ServiceProvider.GetRequiredService<SeriesQueries>()
            .LoadAsync(new SeriesRequest(["fake"], SeriesMetric.GitContributors, []), CancellationToken.None);
        return Assert.Single(series).Points;
    }
}
