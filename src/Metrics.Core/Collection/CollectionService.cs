using Metrics.Core.Forges;
using Metrics.Core.Forges.Http;
using Metrics.Core.Scheduling;
using Metrics.Core.Storage;
using Metrics.Core.Storage.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Metrics.Core.Collection;

/// <summary>
/// What a collection does, for the CLI and the scheduled jobs alike: snapshots of every selected repository first,
/// then their details, several at once; one run row per repository; a failure in one never stops the others.
/// </summary>
public sealed partial class CollectionService(
    IServiceScopeFactory scopes,
    IOptions<CollectionOptions> options,
    SecretScrubber scrubber,
    IRepositoryLocks locks,
    TimeProvider time,
    ILogger<CollectionService> logger)
{
    public async Task<CollectionSummary> CollectAsync(
        CollectionRequest request, IProgress<CollectionProgress>? progress, CancellationToken cancellationToken)
    {
        var (states, lease, busy) = await StartRunsAsync(request, cancellationToken);
        await using var held = lease;
        var done = 0;
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = options.Value.Concurrency, CancellationToken = cancellationToken };
        await Parallel.ForEachAsync(states, parallel, (state, ct) => RunPhaseAsync(state, snapshot: true, ct));
        await Parallel.ForEachAsync(states, parallel, async (state, ct) =>
        {
            if (state.CanContinue)
            {
                await RunPhaseAsync(state, snapshot: false, ct);
            }

            await FinishRunAsync(state, CancellationToken.None);
            progress?.Report(new CollectionProgress(Interlocked.Increment(ref done), states.Count, states.Sum(s => s.Accounting.Requests), null, null, state.Name, state.Forge, state.Outcome));
        });
        return new CollectionSummary([.. states.Select(s => new RepositoryRunSummary(
            s.RepositoryId, s.Forge, s.Name, s.Outcome, s.Accounting.Requests, s.Accounting.NotModified, s.Error, s.Accounting.Simulated, s.DeferredUntil))])
        {
            Busy = busy,
        };
    }

    private async Task<(List<RunState> States, RepositoryLease Lease, IReadOnlyList<string> Busy)> StartRunsAsync(CollectionRequest request, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<MetricsDbContext>();
        var forges = scope.ServiceProvider.GetServices<IForgeCollector>().Select(c => c.Forge).ToList();
        var query = db.Repositories.Where(r => r.Tracked && forges.Contains(r.Forge));
        if (request.ProjectIds.Count > 0)
        {
            query = query.Where(r => request.ProjectIds.Contains(r.ProjectId));
        }

        if (request.Forge is { } forge)
        {
            query = query.Where(r => r.Forge == forge);
        }

        if (request.RepositoryIds is { Count: > 0 } ids)
        {
            query = query.Where(r => ids.Contains(r.Id));
        }

        var selected = await query.OrderBy(r => r.Id).ToListAsync(cancellationToken);
        var lease = await locks.TryAcquireAsync([.. selected.Select(r => r.Id)], cancellationToken);
        var repositories = selected.Where(r => lease.Held.Contains(r.Id)).ToList();
        var heldIds = repositories.Select(r => r.Id).ToList();
        var now = time.GetUtcNow().UtcDateTime;

        // We hold these repositories now, so a run still marked Running was left by a process that died mid-run.
        await db.CollectionRuns.Where(r => heldIds.Contains(r.RepositoryId) && r.Outcome == RunOutcome.Running).ExecuteUpdateAsync(u => u
            .SetProperty(r => r.Outcome, RunOutcome.Partial)
            .SetProperty(r => r.Error, "interrupted: the process collecting it stopped before the run finished"), cancellationToken);
        var runs = repositories.Select(r => new CollectionRun { RepositoryId = r.Id, Kind = "full", StartedAt = now, Outcome = RunOutcome.Running }).ToList();
        db.CollectionRuns.AddRange(runs);
        await db.SaveChangesAsync(cancellationToken);
        return ([.. repositories.Zip(runs, (r, run) => new RunState(r.Id, run.Id) { Name = r.FullName, Forge = r.Forge })],
            lease, [.. selected.Where(r => !lease.Held.Contains(r.Id)).Select(r => r.FullName)]);
    }

    private async ValueTask RunPhaseAsync(RunState state, bool snapshot, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<MetricsDbContext>();
        var repository = await db.Repositories.SingleAsync(r => r.Id == state.RepositoryId, cancellationToken);
        var collector = scope.ServiceProvider.GetServices<IForgeCollector>().Single(c => c.Forge == repository.Forge);
        using var accounting = RequestAccounting.Begin(state.Accounting);
        var began = time.GetTimestamp();
        try
        {
            await (snapshot
                ? collector.CollectSnapshotAsync(repository, cancellationToken)
                : collector.CollectDetailsAsync(repository, cancellationToken));
            state.Name = repository.FullName;
            if (!snapshot)
            {
                state.Outcome = RunOutcome.Succeeded;
            }
        }
        catch (RepositoryUnavailableException e)
        {
            repository.Status = e.Status;
            await db.SaveChangesAsync(CancellationToken.None);
            Fail(state, RunOutcome.Failed, e.Message);
        }
        catch (RateLimitDeferredException e)
        {
            state.DeferredUntil = e.Until;
            Fail(state, RunOutcome.Deferred, e.Message);
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            Fail(state, RunOutcome.Failed, Describe(e));
        }
        finally
        {
            state.Busy += time.GetElapsedTime(began);
        }
    }

    private void Fail(RunState state, RunOutcome outcome, string message)
    {
        state.Outcome = outcome;
        state.Error = scrubber.Scrub(message);
        LogRepositoryFailed(state.Name, outcome, state.Error);
    }

    private static string Describe(Exception e) => e switch
    {
        MalformedAnswerException or ForgeAnswerException => e.Message,
        Octokit.ApiException api => $"{(int)api.StatusCode} from the forge: {api.Message}",
        HttpRequestException or IOException or TimeoutException or OperationCanceledException => $"the forge did not answer properly after retries: {e.Message}",
        _ => $"{e.GetType().Name}: {e.Message}",
    };

    private async Task FinishRunAsync(RunState state, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<MetricsDbContext>();
        var run = await db.CollectionRuns.SingleAsync(r => r.Id == state.RunId, cancellationToken);
        run.FinishedAt = time.GetUtcNow().UtcDateTime;

        // Every run of a batch is created at the batch's start, and a repository's phases are apart (all snapshots
        // first); the row keeps the time this repository was worked on, so its duration is its own, not the batch's.
        run.StartedAt = run.FinishedAt.Value - state.Busy;
        run.Outcome = state.Outcome == RunOutcome.Running ? RunOutcome.Partial : state.Outcome;
        run.Requests = state.Accounting.Requests;
        run.NotModified = state.Accounting.NotModified;
        run.Error = state.Error is { Length: > 2000 } message ? message[..2000] : state.Error;
        run.Simulated = state.Accounting.Simulated;
        if (scope.ServiceProvider.GetKeyedService<RateLimitState>(state.Forge.ToString()) is { Remaining: { } remaining } quota)
        {
            run.QuotaRemaining = remaining;
            run.QuotaLimit = quota.Limit;
            run.QuotaResetAt = quota.Reset?.UtcDateTime;
        }
        if (state.Accounting.Simulated)
        {
            await db.Repositories.Where(r => r.Id == state.RepositoryId).ExecuteUpdateAsync(u => u.SetProperty(r => r.Simulated, true), cancellationToken);
        }

        await db.SaveChangesAsync(cancellationToken);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Collection of {Repository} ended {Outcome}: {Error}")]
    private partial void LogRepositoryFailed(string repository, RunOutcome outcome, string error);
}
