using System.Diagnostics;
using Metrics.Core.GitHistory;
using Metrics.Core.Storage;
using Metrics.Core.Storage.Entities;
using Metrics.FakeForge.Hosting;
using Metrics.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Metrics.Bench;

/// <summary>
/// The git step on a generated repository of 100,000 commits by 2,000 authors over ten years (5% with a co-author):
/// the first run (clone, read, store) and a second run with nothing new, on SQLite, served over file://.
/// </summary>
internal static class GitHistoryBench
{
    private const int Commits = 100_000;
    private const int Authors = 2_000;

    public static async Task<IReadOnlyList<BenchResult>> RunAsync()
    {
        var root = Path.Combine(Path.GetTempPath(), $"metrics-bench-git-{Guid.NewGuid():N}");
        try
        {
            var source = Path.Combine(root, "served", "big.git");
            var watch = Stopwatch.StartNew();
            await GitRepositories.WriteAsync(source, Generate());
            var generated = watch.Elapsed.TotalSeconds;
            await using var harness = await ForgeHarness.StartAsync(DatabaseOptions.Sqlite, new FakeForgeOptions(), new Dictionary<string, string?>
            {
                ["GitHistory:DataDirectory"] = Path.Combine(root, "clones"),
                ["GitHistory:AllowedSchemes:0"] = "file",
            });
            var id = (await harness.TrackAsync(Forge.GitHub, "bench/big"))[0];
            await harness.QueryAsync(db => db.Repositories.Where(r => r.Id == id)
                .ExecuteUpdateAsync(u => u.SetProperty(r => r.CloneUrl, GitRepositories.FileUrl(source))));

            var results = new List<BenchResult>
            {
                new("git", "generated repository", Commits, "commits", $"{Authors:#,0} authors, git fast-import in {generated:0.0} s"),
            };
            foreach (var label in new[] { "first run", "second run, nothing new" })
            {
                GC.Collect();
                PeakMemory.Reset();
                await using var scope = harness.Services.CreateAsyncScope();
                var run = Stopwatch.StartNew();
                var result = await scope.ServiceProvider.GetRequiredService<IGitHistory>().UpdateAsync(id, CancellationToken.None);
                var seconds = run.Elapsed.TotalSeconds;
                if (result.Outcome == GitHistoryOutcome.Failed)
                {
                    throw new InvalidOperationException(result.Message);
                }

                var clone = await harness.QueryAsync(db => db.Set<GitClone>().SingleAsync(c => c.RepositoryId == id));
                results.Add(new BenchResult("git", $"{label}: wall time", seconds, "s", $"{result.Outcome}; {result.Commits:#,0} commits in the stored read"));
                results.Add(new BenchResult("git", $"{label}: bytes fetched", result.BytesFetched, "bytes"));
                results.Add(new BenchResult("git", $"{label}: clone on disk", clone.Bytes / 1048576.0, "MiB"));
                results.Add(new BenchResult("git", $"{label}: peak working set", PeakMemory.MiB(), "MiB", "bench process (VmHWM, reset before the run; includes the in-process fake forge); git runs as a child"));
            }

            var rows = await harness.QueryAsync(db => db.Set<GitIdentityDay>().CountAsync(d => d.RepositoryId == id));
            results.Add(new BenchResult("git", "identity-day rows stored", rows, "rows"));
            return results;
        }
        finally
        {
            if (Directory.Exists(root))
            {
                Directory.Delete(root, recursive: true);
            }
        }
    }

    private static IEnumerable<GitCommitSpec> Generate()
    {
        var random = new Random(15);
        var start = new DateTimeOffset(2015, 1, 1, 0, 0, 0, TimeSpan.Zero);
        for (var i = 0; i < Commits; i++)
        {
            // Every author at least once, then a long tail: a few do most of the work, as in real projects.
            var author = i < Authors ? i : (int)(Authors * Math.Pow(random.NextDouble(), 3));
            var at = start.AddMinutes(i * (10 * 365.25 * 24 * 60 / Commits));
            yield return new GitCommitSpec($"Author {author}", $"author{author}@example.com", at)
            {
                CoAuthors = random.NextDouble() < 0.05 ? [$"Helper <author{random.Next(Authors)}@example.com>"] : [],
                Message = $"change {i}",
            };
        }
    }

    /// <summary>The process's peak resident memory since the last reset (Linux: /proc/self/status VmHWM).</summary>
    private static class PeakMemory
    {
        public static void Reset() => File.WriteAllText("/proc/self/clear_refs", "5");

        public static double MiB()
        {
            var line = File.ReadLines("/proc/self/status").First(l => l.StartsWith("VmHWM:", StringComparison.Ordinal));
            return long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], System.Globalization.CultureInfo.InvariantCulture) / 1024.0;
        }
    }
}
