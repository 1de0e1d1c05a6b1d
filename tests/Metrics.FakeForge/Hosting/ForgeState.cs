using System.Collections.Concurrent;
using Metrics.FakeForge.Core;
using Metrics.FakeForge.Faults;
using Metrics.FakeForge.Stats;
using Metrics.FakeForge.Truth;
using Metrics.FakeForge.World;

namespace Metrics.FakeForge.Hosting;

/// <summary>Everything the endpoints share: the world, its clock and the mutable accounting.</summary>
public sealed class ForgeState
{
    private readonly ConcurrentDictionary<long, int> _statsCalls = new();

    public ForgeState(ForgeWorld world, ForgeClock clock, FakeForgeOptions options)
    {
        Clock = clock;
        World = world;
        Options = options;
        Faults = new FaultController(world.Seed, options.Faults);
        Quota = new QuotaBook(clock);
    }

    private volatile ForgeWorld _world = null!;

    /// <summary>The world; a test may replace it between runs (a push, a new contributor) and the truth follows.</summary>
    public ForgeWorld World
    {
        get => _world;
        set
        {
            _world = value;
            Truth = new ForgeTruth(value, Clock);
        }
    }

    public ForgeClock Clock { get; }

    public FakeForgeOptions Options { get; }

    public FaultController Faults { get; }

    public ForgeStats Stats { get; } = new();

    public QuotaBook Quota { get; }

    public ForgeTruth Truth { get; private set; } = null!;

    public DateTimeOffset Now => Clock.GetUtcNow();

    /// <summary>True while GitHub is still "computing" contributor statistics for this repository.</summary>
    public bool StatsStillComputing(long repositoryId) =>
        _statsCalls.AddOrUpdate(repositoryId, 1, (_, n) => n + 1) <= Options.StatsComputingCalls;

    /// <summary>POST /_fake/reset: statistics, quotas, the 202 counters and fault counters start over.</summary>
    public void Reset()
    {
        Stats.Reset();
        Quota.Reset();
        _statsCalls.Clear();
        Faults.ResetCounters();
    }
}
