using Metrics.Core.Storage.Entities;
using Metrics.FakeForge.Hosting;
using Metrics.Testing;

namespace Metrics.Core.Tests.GitHistory;

/// <summary>
/// Generated git repositories behind the fake forge: fake-mirrored/engine on GitHub and its Gitee mirror share six
/// commits (the same hashes), then each has one of its own. Who did what, and so every expected number, is below.
/// </summary>
internal sealed class GitWorld : IAsyncDisposable
{
    public const string Mirrored = "fake-mirrored/engine";
    public const string Mailmap = "Alice <alice@example.com> Alice Old <alice@old.example>\n<carol@example.com> <carol@old.example>\n";

    private GitWorld(string root, ForgeHarness harness)
    {
        Root = root;
        Harness = harness;
    }

    public string Root { get; }
    public ForgeHarness Harness { get; }
    public string GitHubSource => Path.Combine(Root, "served", "github", Mirrored + ".git");
    public string GiteeSource => Path.Combine(Root, "served", "gitee", Mirrored + ".git");
    public string DataDirectory => Path.Combine(Root, "clones");

    public static IReadOnlyList<GitCommitSpec> Shared { get; } =
    [
        new("Alice", "alice@example.com", At(2024, 1, 10, 10)) { Files = new Dictionary<string, string> { [".mailmap"] = Mailmap } },
        new("Alice Old", "alice@old.example", At(2024, 1, 10, 23)),
        new("Bob", "Bob@Example.com", At(2024, 1, 20, 9)) { CommitterName = "Dave", CommitterEmail = "dave@example.com", CommitDate = At(2024, 1, 21, 8) },
        new("Bob", "bob@example.com", At(2024, 2, 3, 12)) { CoAuthors = ["Carol <carol@old.example>"], CommitterName = "GitHub", CommitterEmail = "noreply@github.com" },
        new("dependabot[bot]", "49699333+dependabot[bot]@users.noreply.github.com", At(2024, 2, 5, 6)),
        new("Alice", "alice@example.com", At(2024, 3, 15, 16)) { CoAuthors = ["Carol <carol@example.com>", "Bob <bob@example.com>"] },
    ];

    public static GitCommitSpec GitHubOnly { get; } = new("Frank", "frank@example.com", At(2024, 4, 2, 11));
    public static GitCommitSpec GiteeOnly { get; } = new("Erin", "erin@example.com", At(2024, 4, 5, 11));

    public static async Task<GitWorld> StartAsync(string provider, IReadOnlyDictionary<string, string?>? settings = null)
    {
        var root = Path.Combine(Path.GetTempPath(), $"metrics-git-{Guid.NewGuid():N}");
        var served = Path.Combine(root, "served");
        var all = new Dictionary<string, string?>
        {
            ["GitHistory:DataDirectory"] = Path.Combine(root, "clones"),
            ["GitHistory:AllowedSchemes:0"] = "file",
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            all[key] = value;
        }

        var harness = await ForgeHarness.StartAsync(provider, new FakeForgeOptions { GitCloneRoot = GitRepositories.FileUrl(served) }, all);
        var world = new GitWorld(root, harness);
        await GitRepositories.WriteAsync(world.GitHubSource, Shared);
        await GitRepositories.WriteAsync(world.GiteeSource, Shared);
        await GitRepositories.WriteAsync(world.GitHubSource, [GitHubOnly]);
        await GitRepositories.WriteAsync(world.GiteeSource, [GiteeOnly]);
        await harness.TrackAsync(Forge.GitHub, Mirrored);
        await harness.TrackAsync(Forge.Gitee, Mirrored);
        return world;
    }

    public static DateTimeOffset At(int year, int month, int day, int hour) => new(year, month, day, hour, 0, 0, TimeSpan.Zero);

    public async ValueTask DisposeAsync()
    {
        await Harness.DisposeAsync();
        if (Directory.Exists(Root))
        {
            Directory.Delete(Root, recursive: true);
        }
    }
}
