using System.Diagnostics;
using Metrics.Core.Storage;
using Metrics.Core.Storage.Entities;
using Metrics.FakeForge.World;
using Metrics.Testing;

namespace Metrics.Bench;

/// <summary>
/// Collects every GitHub repository of the fake forge's default world (seed 42) three times: a first run, a re-run
/// with nothing changed, and a run a day later; compares the requests with the least a collector could make.
/// </summary>
internal static class CollectBench
{
    public static async Task<IReadOnlyList<BenchResult>> RunAsync()
    {
        await using var harness = await ForgeHarness.StartAsync(DatabaseOptions.Sqlite);
        var world = harness.Fake.World;
        var names = world.GitHub.Select(r => $"{r.Owner}/{r.Name}").ToArray();
        await harness.TrackAsync(Forge.GitHub, names);
        var minimum = names.Sum(n => MinimumRequests(harness, n));

        var results = new List<BenchResult>();
        foreach (var (label, advance) in new[] { ("first run", TimeSpan.Zero), ("second run, nothing changed", TimeSpan.Zero), ("run a day later", TimeSpan.FromDays(1)) })
        {
            harness.Fake.AdvanceClock(advance);
            var quotaBefore = harness.GitHubQuotaSpent();
            var watch = Stopwatch.StartNew();
            var summary = await harness.CollectAsync();
            var seconds = watch.Elapsed.TotalSeconds;
            var note = $"{summary.Repositories.Count(r => r.Outcome == RunOutcome.Succeeded)}/{summary.Repositories.Count} succeeded";
            results.Add(new BenchResult("collect", $"{label}: requests", summary.Requests, "requests", note));
            results.Add(new BenchResult("collect", $"{label}: 304 answers", summary.NotModified, "requests"));
            results.Add(new BenchResult("collect", $"{label}: quota spent", harness.GitHubQuotaSpent() - quotaBefore, "requests"));
            results.Add(new BenchResult("collect", $"{label}: wall time", seconds, "s", "fake forge in-process, SQLite"));
        }

        results.Insert(0, new BenchResult("collect", "minimum for a first run", minimum, "requests",
            $"{names.Length} repositories: snapshot + 1 per 30 weeks + contributors (2) + stats + release and tag pages"));
        results.Add(new BenchResult("collect", "peak working set", Process.GetCurrentProcess().PeakWorkingSet64 / 1048576.0, "MiB", "bench process incl. fake forge"));
        return results;
    }

    // The least any collector needs for the same data, from the world's own shape.
    private static int MinimumRequests(ForgeHarness harness, string fullName)
    {
        var repository = harness.Fake.World.GetGitHub(fullName);
        if (repository.State != RepositoryState.Active)
        {
            return 1;
        }

        var now = harness.Fake.TimeProvider.GetUtcNow();
        var weeks = (int)Math.Ceiling((now - repository.CreatedAt).TotalDays / 7) + 1;
        var releases = harness.Fake.Truth.GitHubReleases(repository.Owner, repository.Name).Count;
        var tags = repository.Tags.Count;
        return 1 + (int)Math.Ceiling(weeks / 30.0) + 2 + 1 + Math.Max(1, (int)Math.Ceiling(releases / 100.0)) + Math.Max(1, (int)Math.Ceiling(tags / 100.0));
    }
}
