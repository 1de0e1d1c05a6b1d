using Metrics.FakeForge.Faults;
using Microsoft.Extensions.Logging;

namespace Metrics.FakeForge.Hosting;

public sealed class FakeForgeOptions
{
    /// <summary>The in-process default "now": fixed, so a test run sees the same world every time.</summary>
    public static readonly DateTimeOffset DefaultNow = new(2026, 11, 15, 6, 0, 0, TimeSpan.Zero);

    /// <summary>0 = any free port.</summary>
    public int Port { get; set; }

    public int Seed { get; set; } = 42;

    /// <summary>How many repositories to generate besides the special ones.</summary>
    public int GeneratedRepositories { get; set; } = 40;

    /// <summary>Load the world from this JSON file instead of generating it.</summary>
    public string? WorldPath { get; set; }

    /// <summary>Build the world from a product catalog (seeds/projects.json format).</summary>
    public string? CatalogPath { get; set; }

    /// <summary>
    /// The clock. Null: in-process servers get a <see cref="Microsoft.Extensions.Time.Testing.FakeTimeProvider"/>
    /// at <see cref="DefaultNow"/>; the command line passes <see cref="TimeProvider.System"/>.
    /// </summary>
    public TimeProvider? TimeProvider { get; set; }

    /// <summary>The day the world is generated around; default: the clock's now.</summary>
    public DateTimeOffset? Anchor { get; set; }

    public IReadOnlyList<string> PushTokens { get; set; } = ["fake-push-token"];

    public int GitHubTokenLimit { get; set; } = 5_000;

    public int GitHubAnonymousLimit { get; set; } = 60;

    public int HuggingFaceTokenLimit { get; set; } = 1_000;

    public int HuggingFaceAnonymousLimit { get; set; } = 500;

    /// <summary>Requests per token (or anonymous client) per hour on Gitee; 0 = unlimited (Gitee documents none).</summary>
    public int GiteeHourlyLimit { get; set; }

    /// <summary>GitCode's documented limits per token: 50 a minute and 4,000 an hour.</summary>
    public int GitCodeMinuteLimit { get; set; } = 50;

    public int GitCodeHourlyLimit { get; set; } = 4_000;

    /// <summary>The status of a GitCode limit answer: 429 as documented, or 400 as some clients report.</summary>
    public int GitCodeLimitStatus { get; set; } = 429;

    /// <summary>How many calls to /stats/contributors per repository answer 202 before the 200.</summary>
    public int StatsComputingCalls { get; set; } = 1;

    public FaultSettings Faults { get; set; } = new();

    /// <summary>
    /// Where repository answers point their clone URLs (GitHub <c>clone_url</c>, Gitee <c>html_url</c>):
    /// <c>{root}/github/{owner}/{name}.git</c> and <c>{root}/gitee/…</c>, e.g. a <c>file://</c> folder of generated
    /// git repositories. Null: URLs on the fake itself that serve no git, so nothing ever reaches the real forges.
    /// </summary>
    public string? GitCloneRoot { get; set; }

    /// <summary>Extra logging set-up (tests add a capturing provider here).</summary>
    public Action<ILoggingBuilder>? ConfigureLogging { get; set; }
}
