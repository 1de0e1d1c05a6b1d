namespace Metrics.FakeForge.World;

/// <summary>
/// A parametric daily event series (stars, likes, downloads). The counts are not stored: they are
/// derived from these parameters and the salt, so a world file stays small and editable and the
/// clock can move forward without regenerating anything.
/// </summary>
public sealed record DailySeries
{
    /// <summary>The instant the series starts (repository or model creation).</summary>
    public required DateTimeOffset Start { get; init; }

    /// <summary>Mean events per day at the start.</summary>
    public required double RatePerDay { get; init; }

    /// <summary>Relative change of the rate per year of age (0.5 = +50% a year, -0.1 = fading).</summary>
    public double GrowthPerYear { get; init; }

    /// <summary>Per-mille of each finished day's events that are later undone (unstars).</summary>
    public int DropPermille { get; init; }

    /// <summary>Extra events on given days (a launch, a trending day).</summary>
    public IReadOnlyList<Burst> Bursts { get; init; } = [];

    /// <summary>Last day with events; null = open-ended (follows the clock).</summary>
    public DateOnly? End { get; init; }

    public required ulong Salt { get; init; }
}

public sealed record Burst(DateOnly Date, int Count);
