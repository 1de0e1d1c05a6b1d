namespace Metrics.Core.Forges.Http;

/// <summary>
/// What one repository's collection cost: requests sent (retries included) and conditional hits. It flows with the
/// async call into the HTTP handlers, so every forge client counts into the run that caused the request.
/// </summary>
public sealed class RequestAccounting
{
    private static readonly AsyncLocal<RequestAccounting?> CurrentHolder = new();
    private int _requests;
    private int _notModified;
    private int _simulated;

    public static RequestAccounting? Current
    {
        get => CurrentHolder.Value;
        set => CurrentHolder.Value = value;
    }

    public int Requests => _requests;
    public int NotModified => _notModified;

    /// <summary>The forge marked an answer as simulated (the fake forge's X-Fake-Forge header).</summary>
    public bool Simulated => _simulated != 0;

    internal void CountRequest() => Interlocked.Increment(ref _requests);
    internal void CountNotModified() => Interlocked.Increment(ref _notModified);
    internal void MarkSimulated() => Interlocked.Exchange(ref _simulated, 1);

    /// <summary>Counts into a fresh accounting for the duration of the scope.</summary>
    public static Scope Begin(RequestAccounting accounting) => new(accounting);

    public readonly struct Scope : IDisposable
    {
        private readonly RequestAccounting? _previous;

        internal Scope(RequestAccounting accounting)
        {
            _previous = Current;
            Current = accounting;
        }

        public void Dispose() => Current = _previous;
    }
}
