using Microsoft.Extensions.Time.Testing;

namespace Metrics.FakeForge.Hosting;

/// <summary>
/// The world's clock: an inner clock plus whatever has been advanced through /_fake/clock.
/// A <see cref="FakeTimeProvider"/> is advanced directly, so a test holding it sees the same time.
/// </summary>
public sealed class ForgeClock(TimeProvider inner) : TimeProvider
{
    private readonly Lock _gate = new();
    private TimeSpan _offset;

    public FakeTimeProvider? Fake => inner as FakeTimeProvider;

    public override DateTimeOffset GetUtcNow()
    {
        lock (_gate)
        {
            return inner.GetUtcNow() + _offset;
        }
    }

    public void Advance(TimeSpan by)
    {
        if (by < TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(by), "The clock only moves forward.");
        }

        lock (_gate)
        {
            if (Fake is { } fake)
            {
                fake.Advance(by);
            }
            else
            {
                _offset += by;
            }
        }
    }
}
