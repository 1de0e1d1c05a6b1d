namespace Metrics.FakeForge.Core;

/// <summary>A seeded SplitMix64 sequence; same seed, same world on every machine and runtime.</summary>
public sealed class DetRandom(ulong seed)
{
    private ulong _state = seed;

    public ulong NextUlong() => Det.Mix(_state += 0x9E3779B97F4A7C15UL);

    public double NextDouble() => Det.Unit(NextUlong());

    /// <summary>An int in [min, max).</summary>
    public int Next(int min, int max) => max <= min ? min : min + (int)(NextUlong() % (ulong)(max - min));

    public bool Chance(double p) => NextDouble() < p;

    /// <summary>Log-uniform in [min, max]: ages and star counts spread over orders of magnitude.</summary>
    public double LogUniform(double min, double max) => Math.Exp(Math.Log(min) + (NextDouble() * (Math.Log(max) - Math.Log(min))));

    public T Pick<T>(IReadOnlyList<T> items) => items[Next(0, items.Count)];
}
