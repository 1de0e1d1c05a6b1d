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

    /// <summary>
    /// Share of 200 answers whose JSON body is cut short while Content-Length matches what is sent: the framing is
    /// right, only the JSON is incomplete.
    /// </summary>
    public double CutBodyRate { get; init; }

    /// <summary>Share of requests whose connection is dropped before any answer.</summary>
    public double DropRate { get; init; }

    /// <summary>Drop the connection of every Nth forge request (counted over all paths); 0 = off.</summary>
    public int DropEvery { get; init; }

    /// <summary>When set, faults meet only requests whose path and query contain this text (e.g. "page=15").</summary>
    public string? Only { get; init; }

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
    CutBody,
    Drop,
}

public sealed record FaultDecision(FaultKind Kind, int Status = 0);
