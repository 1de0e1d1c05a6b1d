using System.Text;

namespace Metrics.FakeForge.Core;

/// <summary>
/// Stable hashing. <see cref="HashCode"/> is randomised per process, so every number the world
/// derives (stars per day, fault decisions) goes through these functions instead.
/// </summary>
public static class Det
{
    public static ulong Mix(ulong x)
    {
        x += 0x9E3779B97F4A7C15UL;
        x = (x ^ (x >> 30)) * 0xBF58476D1CE4E5B9UL;
        x = (x ^ (x >> 27)) * 0x94D049BB133111EBUL;
        return x ^ (x >> 31);
    }

    public static ulong Hash(ulong a, ulong b) => Mix(Mix(a) ^ (b * 0xD6E8FEB86659FD93UL));

    public static ulong Hash(ulong a, ulong b, ulong c) => Hash(Hash(a, b), c);

    public static ulong Hash(ulong a, ulong b, ulong c, ulong d) => Hash(Hash(a, b, c), d);

    /// <summary>FNV-1a over UTF-8, then mixed.</summary>
    public static ulong Of(string text)
    {
        var h = 14695981039346656037UL;
        foreach (var b in Encoding.UTF8.GetBytes(text))
        {
            h = (h ^ b) * 1099511628211UL;
        }

        return Mix(h);
    }

    /// <summary>A double in [0, 1).</summary>
    public static double Unit(ulong h) => (h >> 11) * (1.0 / (1UL << 53));

    public static string Hex(ulong h, int length)
    {
        var sb = new StringBuilder();
        var x = h;
        while (sb.Length < length)
        {
            sb.Append(x.ToString("x16"));
            x = Mix(x);
        }

        return sb.ToString(0, length);
    }
}
