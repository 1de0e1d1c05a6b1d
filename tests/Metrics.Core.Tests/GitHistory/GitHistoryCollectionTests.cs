using System.Text;
using Metrics.Core.Export;
using Metrics.Core.GitHistory;
using Metrics.Core.Series;
using Metrics.Core.Storage.Entities;
using Metrics.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Metrics.Core.Tests.GitHistory;

public sealed class GitHistoryCollectionTests
{
    private static readonly DateOnly Today = DateOnly.FromDateTime(Metrics.FakeForge.Hosting.FakeForgeOptions.DefaultNow.UtcDateTime);

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_collection_stores_the_project_curves_as_the_commits_say_and_a_second_run_fetches_nothing(string provider)
    {
        await using var world = await GitWorld.StartAsync(provider);

        var summary = await world.Harness.CollectAsync();

        Assert.True(summary.AllSucceeded, string.Join("; ", summary.Repositories.Select(r => r.Error)));
        var clones = await world.Harness.QueryAsync(db => db.Set<GitClone>().ToListAsync());
        Assert.All(clones, c => Assert.Null(c.Error));
        Assert.Equal([7, 7], clones.Select(c => c.Commits));

        // Alice (two addresses, one .mailmap), Bob (two spellings of one address), Dave (committed Bob's patch),
        // Carol (co-author only, once under a mapped address), Frank (GitHub only), Erin (Gitee only); not the bot.
        var cumulative = Assert.Single(await LoadAsync(world, SeriesMetric.GitContributors));
        Assert.Equal(
            [(D(2024, 1, 10), 1), (D(2024, 1, 20), 2), (D(2024, 1, 21), 3), (D(2024, 2, 3), 4), (D(2024, 4, 2), 5), (D(2024, 4, 5), 6), (Today, 6)],
            cumulative.Points.Select(p => (p.Day, (int)p.Value)));
        Assert.Equal(SeriesQuality.Complete, cumulative.Quality);
        Assert.Contains("git history", cumulative.Label, StringComparison.Ordinal);
        Assert.Contains("Gitee", cumulative.Repository.FullName, StringComparison.Ordinal);

        var newPerMonth = Values(Assert.Single(await LoadAsync(world, SeriesMetric.GitNewContributors)));
        Assert.Equal(3, newPerMonth[D(2024, 1, 1)]);
        Assert.Equal(1, newPerMonth[D(2024, 2, 1)]);
        Assert.Equal(0, newPerMonth[D(2024, 3, 1)]);
        Assert.Equal(2, newPerMonth[D(2024, 4, 1)]);
        Assert.Equal(6, newPerMonth.Values.Sum());
        Assert.Equal(new DateOnly(Today.Year, Today.Month, 1), newPerMonth.Keys.Max());

        var active = Values(Assert.Single(await LoadAsync(world, SeriesMetric.GitActiveContributors)));
        Assert.Equal([3, 2, 3, 2, 0], [active[D(2024, 1, 1)], active[D(2024, 2, 1)], active[D(2024, 3, 1)], active[D(2024, 4, 1)], active[D(2024, 5, 1)]]);

        // Eight commits in all: the six both forges hold count once.
        var weekly = Values(Assert.Single(await LoadAsync(world, SeriesMetric.GitCommits)));
        Assert.Equal(8, weekly.Values.Sum());
        Assert.Equal([2, 1, 0, 1, 1, 1, 2], [weekly[D(2024, 1, 8)], weekly[D(2024, 1, 15)], weekly[D(2024, 1, 22)], weekly[D(2024, 1, 29)],
            weekly[D(2024, 2, 5)], weekly[D(2024, 3, 11)], weekly[D(2024, 4, 1)]]);

        // GitHub alone: five people and seven commits.
        var github = Assert.Single(await LoadAsync(world, SeriesMetric.GitContributors, Forge.GitHub));
        Assert.Equal(5, github.Points[^1].Value);
        Assert.Equal(7, Values(Assert.Single(await LoadAsync(world, SeriesMetric.GitCommits, Forge.GitHub))).Values.Sum());

        // The contributors chart shows the git curve; no top-100 estimate for a repository whose history is read.
        var contributors = await LoadAsync(world, SeriesMetric.Contributors);
        Assert.Contains(contributors, s => s.Source == SeriesSources.GitHistory && s.Points[^1].Value == 6);
        Assert.DoesNotContain(contributors, s => s.Quality == SeriesQuality.Estimated);

        var rows = await world.Harness.QueryAsync(db => db.Set<GitIdentityDay>().CountAsync());
        var second = await UpdateAllAsync(world);
        Assert.All(second, r => Assert.Equal(GitHistoryOutcome.Unchanged, r.Outcome));
        Assert.All(second, r => Assert.Equal(0, r.BytesFetched));
        Assert.Equal(rows, await world.Harness.QueryAsync(db => db.Set<GitIdentityDay>().CountAsync()));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task New_commits_are_fetched_and_a_failed_fetch_leaves_the_stored_curves_alone(string provider)
    {
        await using var world = await GitWorld.StartAsync(provider);
        await world.Harness.CollectAsync();

        await GitRepositories.WriteAsync(world.GitHubSource, [new GitCommitSpec("Grace", "grace@example.com", GitWorld.At(2024, 6, 1, 9))]);
        var updated = await UpdateAllAsync(world);
        Assert.Equal(GitHistoryOutcome.Updated, updated[0].Outcome);
        Assert.True(updated[0].BytesFetched > 0);
        Assert.Equal(GitHistoryOutcome.Unchanged, updated[1].Outcome);
        var before = Assert.Single(await LoadAsync(world, SeriesMetric.GitContributors));
        Assert.Equal((D(2024, 6, 1), 7.0), (before.Points[^2].Day, before.Points[^2].Value));

        Directory.Move(world.GitHubSource, world.GitHubSource + ".gone");
        var failed = await UpdateAllAsync(world);

        Assert.Equal(GitHistoryOutcome.Failed, failed[0].Outcome);
        Assert.Contains("fake-mirrored/engine", failed[0].Message, StringComparison.Ordinal);
        var after = Assert.Single(await LoadAsync(world, SeriesMetric.GitContributors));
        Assert.Equal(before.Points, after.Points);
        var clone = await world.Harness.QueryAsync(db => db.Set<GitClone>().OrderBy(c => c.RepositoryId).FirstAsync());
        Assert.NotNull(clone.Error);
    }

    [Fact]
    public async Task The_contributor_growth_export_has_each_repository_and_the_project_union_per_day()
    {
        await using var world = await GitWorld.StartAsync("Sqlite");
        await world.Harness.CollectAsync();

        using var stream = new MemoryStream();
        await using (var scope = world.Harness.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<DatasetExporter>()
                .WriteAsync(Datasets.ContributorGrowth, ExportFilter.All, stream, false, CancellationToken.None);
        }

        var lines = Encoding.UTF8.GetString(stream.ToArray()).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);

        Assert.Equal("date,project,forge,repository,metric,value,source,simulated,project_name", lines[0]);
        Assert.Contains("2024-04-05,fake,gitee,fake-mirrored/engine,contributors,5,git-history,true,Fake world", lines);
        Assert.Contains("2024-04-02,fake,github,fake-mirrored/engine,contributors,5,git-history,true,Fake world", lines);
        Assert.Contains(lines, l => l.StartsWith("2024-04-05,fake,all,", StringComparison.Ordinal) && l.EndsWith(",contributors,6,git-history,true,Fake world", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith("2024-01-10,fake,all,", StringComparison.Ordinal) && l.EndsWith(",commits,2,git-history,true,Fake world", StringComparison.Ordinal));
        Assert.DoesNotContain(lines, l => l.Contains('@', StringComparison.Ordinal));
    }

    internal static async Task<IReadOnlyList<GitHistoryResult>> UpdateAllAsync(GitWorld world)
    {
        var ids = await world.Harness.QueryAsync(db => db.Repositories.OrderBy(r => r.Id).Select(r => r.Id).ToListAsync());
        var results = new List<GitHistoryResult>();
        foreach (var id in ids)
        {
            await using var scope = world.Harness.Services.CreateAsyncScope();
            results.Add(await scope.ServiceProvider.GetRequiredService<IGitHistory>().UpdateAsync(id, CancellationToken.None));
        }

        return results;
    }

    private static async Task<IReadOnlyList<Core.Series.Series>> LoadAsync(GitWorld world, SeriesMetric metric, params Forge[] forges)
    {
        await using var scope = world.Harness.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<SeriesQueries>().LoadAsync(new SeriesRequest(["fake"], metric, forges), CancellationToken.None);
    }

    private static Dictionary<DateOnly, int> Values(Core.Series.Series series) => series.Points.ToDictionary(p => p.Day, p => (int)p.Value);

    private static DateOnly D(int year, int month, int day) => new(year, month, day);
}
