using Metrics.Core.Collection;

namespace Metrics.Web.Collection;

/// <summary>Starts a collection now ("collect now"). The scheduler (issue 6) can replace the default with a queued job.</summary>
public interface ICollectionTrigger
{
    bool IsRunning { get; }

    DateTimeOffset? LastStartedAt { get; }

    /// <summary>False when a collection started here is still running (it is not started twice).</summary>
    Task<bool> TriggerAsync(CollectionRequest request, CancellationToken cancellationToken);
}

/// <summary>When the next scheduled collection will run; null while nothing is scheduled.</summary>
public interface INextRunProvider
{
    Task<DateTimeOffset?> NextRunAsync(CancellationToken cancellationToken);
}

internal sealed class NoSchedule : INextRunProvider
{
    public Task<DateTimeOffset?> NextRunAsync(CancellationToken cancellationToken) => Task.FromResult<DateTimeOffset?>(null);
}

/// <summary>Runs the collection service on the thread pool, outside the request, until the app stops.</summary>
internal sealed partial class BackgroundCollectionTrigger(
    CollectionService collection, IHostApplicationLifetime lifetime, TimeProvider time, ILogger<BackgroundCollectionTrigger> logger) : ICollectionTrigger
{
    private int _running;

    public bool IsRunning => Volatile.Read(ref _running) == 1;

    public DateTimeOffset? LastStartedAt { get; private set; }

    public Task<bool> TriggerAsync(CollectionRequest request, CancellationToken cancellationToken)
    {
        if (Interlocked.CompareExchange(ref _running, 1, 0) == 1)
        {
            return Task.FromResult(false);
        }

        LastStartedAt = time.GetUtcNow();
        _ = Task.Run(async () =>
        {
            try
            {
                var summary = await collection.CollectAsync(request, null, lifetime.ApplicationStopping);
                LogFinished(summary.Repositories.Count, summary.Requests);
            }
            catch (Exception e) when (e is not OutOfMemoryException)
            {
                LogFailed(e);
            }
            finally
            {
                Volatile.Write(ref _running, 0);
            }
        }, CancellationToken.None);
        return Task.FromResult(true);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Collection started from the dashboard finished: {Repositories} repositories, {Requests} requests")]
    private partial void LogFinished(int repositories, int requests);

    [LoggerMessage(Level = LogLevel.Error, Message = "Collection started from the dashboard failed")]
    private partial void LogFailed(Exception exception);
}
