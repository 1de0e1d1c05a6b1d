namespace Metrics.FakeForge.Faults;

/// <summary>Fault switches. Rates are probabilities per request, decided from the seed (reproducible).</summary>
public sealed record FaultSettings
{
    /// <summary>Added to every forge request (real time, not the world clock).</summary>
    public int LatencyMs { get; init; }

    /// <summary>Share of requests answered 500, 502 or 503.</summary>
    public double ErrorRate { get; init; }

    /// <summary>Share of requests whose body is cut short after a full Content-Length.</summary>
    public double TruncateRate { get; init; }

    /// <summary>Share of requests whose connection is dropped before any answer.</summary>
    public double DropRate { get; init; }

    /// <summary>Every forge answers as if the caller's quota were spent.</summary>
    public bool QuotaExhausted { get; init; }

    /// <summary>GitHub secondary limit: most requests one client may have in flight; 0 = off.</summary>
    public int MaxConcurrentPerClient { get; init; }
}

public enum FaultKind
{
    None,
    Error,
    Truncate,
    Drop,
}

public sealed record FaultDecision(FaultKind Kind, int Status = 0);
