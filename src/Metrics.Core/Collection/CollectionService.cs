using Metrics.Core.Collection.Locks;
using Metrics.Core.Forges;
using Metrics.Core.Forges.Http;
using Metrics.Core.Series;
using Metrics.Core.Storage;
using Metrics.Core.Storage.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Metrics.Core.Collection;

/// <summary>
/// What a collection does, for the CLI and the scheduled jobs alike: per forge, snapshots of every selected repository
/// first, then their details, several at once, the forges side by side; one run row per repository; a failure in one
/// never stops the others.
/// </summary>
public sealed partial class CollectionService(
    IServiceScopeFactory scopes,
    IOptions<CollectionOptions> options,
    SecretScrubber scrubber,
    IRepositoryLocks locks,
    ForgeRegistry forges,
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
        // Quotas and secondary limits are per forge (per token): each forge's repositories run on their own, so a
        // Gitee star history never waits for GitHub's queue. Within a forge, snapshots of every repository first.
        await Task.WhenAll(states.GroupBy(s => s.Forge).Select(async forge =>
        {
            await Parallel.ForEachAsync(forge, parallel, (state, ct) => RunPhaseAsync(state, snapshot: true, ct));
            // Details of the most-starred first: theirs are the longest lists, so the run does not end with one of them alone.
            var longestFirst = forge.OrderByDescending(s => s.Current?.Stars ?? s.Current?.Likes ?? 0).ToList();
            await Parallel.ForEachAsync(longestFirst, parallel, async (state, ct) =>
            {
                if (state.CanContinue)
                {
                    await RunPhaseAsync(state, snapshot: false, ct);
                }

                // Git costs no API quota and keeps its own errors, so it runs after a failed or deferred API step too;
                // only a repository the forge says is gone (or blocked) is left alone.
                if (!state.Unavailable)
                {
                    await RunGitHistoryAsync(state, ct);
                }

                await FinishRunAsync(state, CancellationToken.None);
                progress?.Report(new CollectionProgress(Interlocked.Increment(ref done), states.Count, states.Sum(s => s.Accounting.Requests), null, null, state.Name, state.Forge, state.Outcome));
            });
        }));
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
        var collected = forges.Forges;
        var query = db.Repositories.Where(r => r.Tracked && collected.Contains(r.Forge));
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
        await DataStamps.BumpAsync(db, cancellationToken);
        var last = await LastRuns.LoadAsync(db, heldIds, cancellationToken);
        var runs = repositories.Select(r => new CollectionRun { RepositoryId = r.Id, Kind = "full", StartedAt = now, Outcome = RunOutcome.Running }).ToList();
        db.CollectionRuns.AddRange(runs);
        await db.SaveChangesAsync(cancellationToken);
        return ([.. repositories.Zip(runs, (r, run) => new RunState(r.Id, run.Id) { Name = r.FullName, Forge = r.Forge, LastRun = last.GetValueOrDefault(r.Id) })],
            lease, [.. selected.Where(r => !lease.Held.Contains(r.Id)).Select(r => r.FullName)]);
    }

    private async ValueTask RunPhaseAsync(RunState state, bool snapshot, CancellationToken cancellationToken)
    {
        var began = time.GetTimestamp();
        try
        {
            await RunPhaseCoreAsync(state, snapshot, cancellationToken);
        }
        finally
        {
            state.Busy += time.GetElapsedTime(began);
        }
    }

    private async Task RunPhaseCoreAsync(RunState state, bool snapshot, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var writer = scope.ServiceProvider.GetRequiredService<CollectionWriter>();
        var client = ForgeRegistry.Client(scope.ServiceProvider, state.Forge);
        using var accounting = RequestAccounting.Begin(state.Accounting);
        var repository = await writer.LoadAsync(state.RepositoryId, cancellationToken);
        if (snapshot)
        {
            await GuardAsync(state, writer, cancellationToken, async () =>
            {
                var facts = await client.ReadRepositoryAsync(repository, cancellationToken);
                state.Current = facts.Snapshot;
                state.Name = await writer.ApplyFactsAsync(state.RepositoryId, facts, state.Accounting.Simulated, cancellationToken);
            });
            return;
        }

        // A forge without ETags compares this run's snapshot with the last run's to skip what cannot have changed.
        repository = repository with { LastRun = state.LastRun, Current = state.Current };

        // Each detail phase on its own: a star history that fails (its pages so far are kept) does not cost the
        // contributors and releases; a repository that is gone or a quota that is spent ends the run for it.
        var source = forges.Find(state.Forge)?.StarSource;
        var starsRead = source is not null && await GuardAsync(state, writer, cancellationToken, async () =>
        {
            var history = await writer.StarStateAsync(state.RepositoryId, source, cancellationToken);
            await foreach (var chunk in client.ReadStarHistoryAsync(repository, history, cancellationToken))
            {
                await writer.StoreStarDaysAsync(state.RepositoryId, source, chunk, cancellationToken);
            }
        });
        ContributorsRead? contributors = null;
        long? releases = null;
        if (state.CanGoOn)
        {
            await GuardAsync(state, writer, cancellationToken, async () =>
            {
                if ((contributors = await client.ReadContributorsAsync(repository, cancellationToken)) is { } read)
                {
                    await writer.StoreContributorsAsync(state.RepositoryId, read, cancellationToken);
                }
            });
        }

        if (state.CanGoOn)
        {
            await GuardAsync(state, writer, cancellationToken, async () =>
            {
                if (await client.ReadReleasesAsync(repository, cancellationToken) is { } read)
                {
                    releases = await writer.StoreReleasesAsync(state.RepositoryId, read, cancellationToken);
                }
            });
        }

        if (starsRead || contributors is not null || releases is not null)
        {
            await writer.StoreTotalsAsync(state.RepositoryId, starsRead ? source : null, contributors?.Total, releases, cancellationToken);
        }

        if (state.CanContinue)
        {
            state.Outcome = RunOutcome.Succeeded;
        }
    }

    /// <summary>Runs one phase; true when it succeeded. Failures are recorded on the run state, never thrown.</summary>
    private async Task<bool> GuardAsync(RunState state, CollectionWriter writer, CancellationToken cancellationToken, Func<Task> phase)
    {
        try
        {
            await phase();
            return true;
        }
        catch (RepositoryUnavailableException e)
        {
            await writer.MarkUnavailableAsync(state.RepositoryId, e.Status, CancellationToken.None);
            state.Unavailable = true;
            Fail(state, RunOutcome.Failed, e.Message, final: true);
        }
        catch (RateLimitDeferredException e)
        {
            state.DeferredUntil = e.Until;
            Fail(state, RunOutcome.Deferred, e.Message, final: true);
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            Fail(state, RunOutcome.Failed, Describe(e), final: false);
        }

        return false;
    }

    /// <summary>The git step, after the API steps; it records its own failures and never changes the run's outcome.</summary>
    private async Task RunGitHistoryAsync(RunState state, CancellationToken cancellationToken)
    {
        var began = time.GetTimestamp();
        await using var scope = scopes.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<GitHistory.IGitHistory>().UpdateAsync(state.RepositoryId, cancellationToken);
        state.Busy += time.GetElapsedTime(began);
    }

    private void Fail(RunState state, RunOutcome outcome, string message, bool final)
    {
        var scrubbed = scrubber.Scrub(message);
        state.Outcome = outcome;
        // Each part is scrubbed before anything is cut, so a cut can never leave the head of a secret behind.
        var combined = state.Error is null ? scrubbed : $"{state.Error}; {scrubbed}";
        state.Error = combined.Length > MaxErrorLength ? combined[..(MaxErrorLength - 1)] + "…" : combined;
        state.Stopped |= final;
        LogRepositoryFailed(state.Name, outcome, scrubbed);
    }

    /// <summary>Stored errors are bounded; the cut happens after scrubbing, as every cut must.</summary>
    private const int MaxErrorLength = 2000;

    private string Describe(Exception e) => e switch
    {
        // Octokit's message is GitHub's whole error body when that is not JSON: quoted as the other forges' are.
        ForgeAnswerException { InnerException: Octokit.ApiException api } => $"{(int)api.StatusCode} from the forge: {scrubber.Excerpt(api.Message)}",
        MalformedAnswerException or ForgeAnswerException => e.Message,
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
        run.Error = state.Error;
        run.Simulated = state.Accounting.Simulated;
        if (forges.Quota(state.Forge) is { Remaining: { } remaining } quota)
        {
            run.QuotaRemaining = remaining;
            run.QuotaLimit = quota.Limit;
            run.QuotaResetAt = quota.Reset?.UtcDateTime;
        }
        await db.SaveChangesAsync(cancellationToken);
        // The Overview's figures for this repository, summed now rather than by its next reader.
        await StarSummaries.LoadAsync(db, [state.RepositoryId], DateOnly.FromDateTime(run.FinishedAt.Value), cancellationToken);
        if (state.Accounting.Simulated)
        {
            await scope.ServiceProvider.GetRequiredService<CollectionWriter>().MarkSimulatedAsync(state.RepositoryId, cancellationToken);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Collection of {Repository} ended {Outcome}: {Error}")]
    private partial void LogRepositoryFailed(string repository, RunOutcome outcome, string error);
}
