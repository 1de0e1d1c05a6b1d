using Metrics.FakeForge.Hosting;
using Metrics.FakeForge.Tests.Infrastructure;
using Metrics.FakeForge.World;

namespace Metrics.FakeForge.Tests.World;

public sealed class WorldTests
{
    private static readonly DateTimeOffset Anchor = new(2026, 11, 15, 0, 0, 0, TimeSpan.Zero);

    [Fact]
    public void The_same_seed_builds_the_same_world_and_another_seed_a_different_one()
    {
        var a = WorldFile.ToJson(WorldGenerator.Generate(42, Anchor, 40, ["p"]));
        var b = WorldFile.ToJson(WorldGenerator.Generate(42, Anchor, 40, ["p"]));
        var c = WorldFile.ToJson(WorldGenerator.Generate(43, Anchor, 40, ["p"]));

        Assert.Equal(a, b);
        Assert.NotEqual(a, c);
    }

    [Fact]
    public void Special_repositories_have_the_properties_their_names_promise()
    {
        var world = WorldGenerator.Generate(42, Anchor, 40, []);
        var truth = new Truth.ForgeTruth(world, new Microsoft.Extensions.Time.Testing.FakeTimeProvider(Anchor.AddHours(6)));
        var huge = world.GetGitHub(SpecialRepositories.Huge);
        var hugeStars = truth.GitHubStars("fake-huge", "star250k");

        Assert.InRange((Anchor - world.GetGitHub(SpecialRepositories.Young).CreatedAt).TotalDays, 9, 10);
        Assert.True((Anchor - world.GetGitHub(SpecialRepositories.Old).CreatedAt).TotalDays >= 12 * 365);
        Assert.True(hugeStars.Total > 250_000, $"{hugeStars.Total} stars");
        Assert.All(huge.Stars.Bursts, burst => Assert.True(hugeStars.Days.Single(d => d.Date == burst.Date).Gained >= 10_000));
        Assert.Equal(RepositoryState.Deleted, world.GetGitHub(SpecialRepositories.Deleted).State);
        Assert.Equal("dmca", world.GetGitHub(SpecialRepositories.Blocked).Block!.Reason);
        Assert.True(world.GetGitHub(SpecialRepositories.Empty).IsEmpty);
        Assert.Equal(world.GetGitHub(SpecialRepositories.Renamed), world.FindRenamed("fake-renamed", "old-name"));
        Assert.Equal(0, truth.GitHubStars("fake-zero", "nostars").Total);
    }

    [Fact]
    public void Generated_repositories_span_ages_and_sizes_and_some_have_gitee_mirrors()
    {
        var world = WorldGenerator.Generate(42, Anchor, 40, []);
        var now = Anchor.AddHours(6);
        var ages = world.GitHub.Select(r => (Anchor - r.CreatedAt).TotalDays).ToList();
        var mirrors = world.Gitee.Where(g => g.MirrorOf is not null).ToList();

        // The special sketches, the generated ones, and the GitHub mirror of the home that moved to GitCode.
        Assert.Equal(SpecialRepositories.Sketches(Anchor).Count() + 40 + 1, world.GitHub.Count);
        Assert.NotNull(world.FindGitHub("fake-moved", "os"));
        Assert.True(ages.Min() < 14 && ages.Max() > 10 * 365);
        Assert.Contains(world.GitHub, r => r.Stars.Current(now) == 0);
        Assert.Contains(world.GitHub, r => r.Contributors.Any(c => c.Login == "dependabot[bot]"));
        Assert.Contains(world.GitHub, r => r.Releases.Any(x => x.Draft) && r.Releases.Any(x => x.Prerelease));
        Assert.True(mirrors.Count >= 5);
        Assert.All(mirrors, m => Assert.True(m.Stars.Current(now) < world.GetGitHub(m.MirrorOf!).Stars.Current(now) || world.GetGitHub(m.MirrorOf!).Stars.Current(now) == 0));
        Assert.All(mirrors.Where(m => world.GetGitHub(m.MirrorOf!).Tags.Count > 0), m => Assert.True(m.Tags.Count < world.GetGitHub(m.MirrorOf!).Tags.Count));
    }

    [Fact]
    public async Task A_saved_world_file_serves_the_same_truth()
    {
        var path = Path.Combine(Path.GetTempPath(), $"fake-world-{Guid.NewGuid():N}.json");
        try
        {
            await using var original = await FakeForgeServer.StartAsync(new FakeForgeOptions { Seed = 5 });
            await File.WriteAllTextAsync(path, WorldFile.ToJson(original.World));
            await using var loaded = await FakeForgeServer.StartAsync(new FakeForgeOptions { WorldPath = path });

            Assert.Equal(5, loaded.World.Seed);
            Assert.Equal(original.Truth.GitHubStars("fake-old", "legacy"), loaded.Truth.GitHubStars("fake-old", "legacy"), TruthComparer.Instance);
            Assert.Equal(original.Truth.GiteeReleases("fake-mirrored", "engine").Releases, loaded.Truth.GiteeReleases("fake-mirrored", "engine").Releases);
            Assert.Equal(WorldFile.ToJson(original.World), WorldFile.ToJson(loaded.World));
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public async Task A_catalog_builds_a_world_with_its_owners_and_names()
    {
        var path = Path.Combine(Path.GetTempPath(), $"fake-catalog-{Guid.NewGuid():N}.json");
        await File.WriteAllTextAsync(path, """
            {"projects":[
              {"id":"alpha","name":"Alpha","repositories":[
                {"forge":"github","owner":"alpha-org","name":"alpha","role":"primary","tracked":true},
                {"forge":"gitee","owner":"alpha-cn","name":"alpha","role":"mirror"},
                {"forge":"gitcode","owner":"alpha-cn","name":"alpha","role":"mirror"}]},
              {"id":"beta","name":"Beta","repositories":[
                {"forge":"huggingface","owner":"beta-ai","name":null,"role":"organisation"},
                {"forge":"huggingface","owner":"beta-ai","name":"beta-7b","role":"model"}]}]}
            """);
        try
        {
            await using var server = await FakeForgeServer.StartAsync(new FakeForgeOptions { CatalogPath = path });
            using var client = server.CreateClient().WithToken("token", "ghp_catalog");

            var github = await client.GetAsync(new Uri(server.GitHubApiUrl, "repos/alpha-org/alpha"));
            var gitee = await client.GetAsync(new Uri(server.GiteeApiUrl, "repos/alpha-cn/alpha"));
            var org = server.Truth.HuggingFaceOrganization("beta-ai");

            Assert.Equal(System.Net.HttpStatusCode.OK, github.StatusCode);
            Assert.Equal(System.Net.HttpStatusCode.OK, gitee.StatusCode);
            Assert.Equal("alpha-org/alpha", server.World.GetGitee("alpha-cn/alpha").MirrorOf);
            Assert.Contains(org.Items, m => m.Id == "beta-ai/beta-7b");
            Assert.True(org.Models >= 4);
            Assert.True(server.Truth.GitHubStars("alpha-org", "alpha").Total > 1_000);
            Assert.Single(server.World.GitHub);

            // A project with a Gitee and a GitCode repository moved from one to the other: Gitee's stars stop then.
            var moved = server.World.GetGitCode("alpha-cn/alpha");
            Assert.Equal("alpha-cn/alpha", moved.MovedFrom);
            Assert.True(server.Truth.GiteeStars("alpha-cn", "alpha").Days.Max(d => d.Date) < DateOnly.FromDateTime(moved.MovedAt!.Value.UtcDateTime));
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void The_command_line_reads_port_seed_sources_and_fault_switches()
    {
        var o = CommandLine.Parse(["--port", "5055", "--seed", "9", "--catalog", "seeds/projects.json", "--error-rate", "0.1", "--latency-ms", "20", "--quota-exhausted"]);

        Assert.Equal((5055, 9, "seeds/projects.json"), (o.Port, o.Seed, o.CatalogPath));
        Assert.Equal(new Metrics.FakeForge.Faults.FaultSettings { ErrorRate = 0.1, LatencyMs = 20, QuotaExhausted = true }, o.Faults);
        Assert.Same(TimeProvider.System, o.TimeProvider);
        Assert.Throws<ArgumentException>(() => CommandLine.Parse(["--bogus"]));
    }

    private sealed class TruthComparer : IEqualityComparer<Truth.StarTruth>
    {
        public static readonly TruthComparer Instance = new();

        public bool Equals(Truth.StarTruth? x, Truth.StarTruth? y) =>
            x is not null && y is not null && x.Total == y.Total && x.Created == y.Created && x.Days.SequenceEqual(y.Days);

        public int GetHashCode(Truth.StarTruth obj) => obj.Total;
    }
}
