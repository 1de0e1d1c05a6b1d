using Metrics.Core.Collection;
using Metrics.Core.Storage;
using Metrics.Core.Storage.Entities;
using Metrics.Web.Dashboard;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Metrics.Web.Collection;

/// <summary>
/// A fresh install shows numbers without anyone pressing a button: when the database has never seen a collection,
/// one of every tracked repository starts as the app starts. The collection service takes every snapshot before any
/// history, so an anonymous quota (60 requests an hour on GitHub) goes to the numbers that matter first, and what the
/// quota does not cover is deferred to the schedule. The Overview shows <see cref="Progress"/>.
/// </summary>
internal sealed partial class FirstCollection(
    IServiceScopeFactory scopes, CollectionService collection, IOptions<DashboardOptions> options, IHostApplicationLifetime lifetime,
    ILogger<FirstCollection> logger) : BackgroundService
{
    public FirstCollectionProgress? Progress { get; private set; }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.CollectOnFirstStart || !await WaitForStartAsync(stoppingToken) || !await NeverCollectedAsync(stoppingToken))
        {
            return;
        }

        var progress = new FirstCollectionProgress();
        Progress = progress;
        LogStarting();
        try
        {
            var summary = await collection.CollectAsync(CollectionRequest.All, progress, stoppingToken);
            progress.Finish(summary);
            LogFinished(summary.Repositories.Count, summary.Repositories.Count(r => r.Outcome == RunOutcome.Succeeded), summary.Requests);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // The app is stopping; the schedule (or the next start) picks up what is missing.
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            progress.Fail(e.Message);
            LogFailed(e);
        }
    }

    // The database is migrated and seeded before the app starts listening; the first collection waits for that.
    private async Task<bool> WaitForStartAsync(CancellationToken stoppingToken)
    {
        var started = new TaskCompletionSource();
        await using var registration = lifetime.ApplicationStarted.Register(() => started.TrySetResult());
        await using var stopping = stoppingToken.Register(() => started.TrySetCanceled(stoppingToken));
        try
        {
            await started.Task;
            return true;
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }

    private async Task<bool> NeverCollectedAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<MetricsDbContext>();
        return !await db.CollectionRuns.AnyAsync(cancellationToken) && !await db.Snapshots.AnyAsync(cancellationToken);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Nothing collected yet: starting a first collection of every tracked repository")]
    private partial void LogStarting();

    [LoggerMessage(Level = LogLevel.Information, Message = "First collection finished: {Succeeded} of {Repositories} repositories succeeded, {Requests} requests")]
    private partial void LogFinished(int repositories, int succeeded, int requests);

    [LoggerMessage(Level = LogLevel.Error, Message = "First collection failed")]
    private partial void LogFailed(Exception exception);
}

/// <summary>How far the first collection is, for the Overview.</summary>
internal sealed class FirstCollectionProgress : IProgress<CollectionProgress>
{
    private CollectionProgress? _last;

    public int Done => Volatile.Read(ref _last)?.Done ?? 0;

    public int? Total => Volatile.Read(ref _last)?.Total;

    public CollectionSummary? Summary { get; private set; }

    public string? Error { get; private set; }

    public bool Running => Summary is null && Error is null;

    public void Report(CollectionProgress value) => Volatile.Write(ref _last, value);

    public void Finish(CollectionSummary summary) => Summary = summary;

    public void Fail(string error) => Error = error;
}
