using System.Diagnostics;
using Metrics.Core.Collection;
using Metrics.Core.Series;
using Metrics.Core.Storage;
using Metrics.Core.Storage.Bulk;
using Metrics.Core.Storage.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Metrics.Core.GitHistory;

/// <summary>
/// Clone or fetch, then (only when the tip moved) read the whole default branch again and replace the repository's
/// identity-days: new rows are written with a new generation first and older generations removed after, so a
/// failure at any point leaves the last complete read in place and the next run repeats the work.
/// </summary>
public sealed partial class GitHistoryService(
    MetricsDbContext db, IBulkWriter writer, GitMirror mirror, GitLogReader reader, IOptions<GitHistoryOptions> options,
    SecretScrubber scrubber, TimeProvider time, ILogger<GitHistoryService> logger) : IGitHistory
{
    public async Task<GitHistoryResult> UpdateAsync(int repositoryId, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var repository = await db.Repositories.AsNoTracking().SingleAsync(r => r.Id == repositoryId, cancellationToken);
        if (!settings.Enabled || repository.Kind != RepositoryKind.Repository || repository.Forge is Forge.HuggingFace)
        {
            return GitHistoryResult.Skip(settings.Enabled ? "not a code repository" : "GitHistory:Enabled is false");
        }

        var clone = await db.Set<GitClone>().SingleOrDefaultAsync(c => c.RepositoryId == repositoryId, cancellationToken);
        if (clone is null)
        {
            clone = new GitClone { RepositoryId = repositoryId };
            db.Add(clone);
        }

        clone.AttemptedAt = time.GetUtcNow().UtcDateTime;
        if (CloneUrls.Problem(repository.CloneUrl, settings.Schemes) is { } problem)
        {
            // Not git's failure: the forge gave no usable URL (or a simulated forge serves no git). Said once, quietly.
            clone.Error = scrubber.Scrub($"{repository.FullName}: {problem}.");
            await db.SaveChangesAsync(CancellationToken.None);
            LogNoUrl(repository.FullName, clone.Error);
            return new GitHistoryResult(GitHistoryOutcome.Failed, clone.Error, 0, TimeSpan.Zero, clone.Commits);
        }

        var clock = Stopwatch.StartNew();
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(settings.Timeout);
        try
        {
            if (clone.TooLargeForCap == settings.MaxCloneBytes)
            {
                throw new GitSizeCapException(
                    $"{repository.FullName} was larger than the git history size cap of {settings.MaxCloneBytes / 1_000_000.0:0.#} MB " +
                    "(GitHistory:MaxCloneBytes) when last tried; raise the cap to include it.");
            }

            var path = mirror.PathFor(repositoryId, ForgeNames.Key(repository.Forge));
            var fetched = await mirror.UpdateAsync(path, repository.CloneUrl!, repository.FullName, timeout.Token);
            (clone.Bytes, clone.BytesFetched, clone.TooLargeForCap, clone.Error) = (fetched.BytesOnDisk, fetched.BytesFetched, null, null);
            var outcome = await ReadAsync(repository, clone, path, timeout.Token);
            clone.Seconds = clock.Elapsed.TotalSeconds;
            await db.SaveChangesAsync(CancellationToken.None);
            return new GitHistoryResult(outcome, null, fetched.BytesFetched, clock.Elapsed, clone.Commits);
        }
        catch (Exception e) when (!cancellationToken.IsCancellationRequested && e is GitCommandException or GitSizeCapException or IOException
            or UnauthorizedAccessException or OperationCanceledException or FormatException)
        {
            var message = scrubber.Scrub(e switch
            {
                OperationCanceledException => $"{repository.FullName}: git history took longer than {settings.Timeout} (GitHistory:Timeout) and was stopped.",
                GitSizeCapException => e.Message,
                _ => $"{repository.FullName}: {e.Message}",
            });
            clone.Error = message.Length > 2000 ? message[..2000] : message;
            clone.TooLargeForCap = e is GitSizeCapException ? settings.MaxCloneBytes : null;
            clone.Seconds = clock.Elapsed.TotalSeconds;
            await db.SaveChangesAsync(CancellationToken.None);
            LogFailed(repository.FullName, message);
            return new GitHistoryResult(GitHistoryOutcome.Failed, message, 0, clock.Elapsed, clone.Commits);
        }
    }

    private async Task<GitHistoryOutcome> ReadAsync(Repository repository, GitClone clone, string path, CancellationToken cancellationToken)
    {
        var head = await reader.HeadAsync(path, cancellationToken);
        if (head == clone.Head)
        {
            return GitHistoryOutcome.Unchanged;
        }

        var generation = Math.Max(clone.Generation + 1, time.GetUtcNow().UtcTicks);
        var read = await reader.ReadAsync(path, head, repository.Id, generation, cancellationToken);

        await writer.UpsertGitIdentityDaysAsync(read.Days, cancellationToken);
        await db.Set<GitIdentityDay>().Where(d => d.RepositoryId == repository.Id && d.Generation != generation).ExecuteDeleteAsync(cancellationToken);
        await DataStamps.BumpAsync(db, cancellationToken);
        (clone.Head, clone.Generation, clone.Commits, clone.ReadAt) = (read.Head, generation, read.Commits, time.GetUtcNow().UtcDateTime);
        LogRead(repository.FullName, read.Commits, read.Days.Count);
        return GitHistoryOutcome.Updated;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Git history of {Repository} not updated: {Error}")]
    private partial void LogFailed(string repository, string error);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Git history of {Repository} not read: {Error}")]
    private partial void LogNoUrl(string repository, string error);

    [LoggerMessage(Level = LogLevel.Information, Message = "Git history of {Repository}: {Commits} commits, {Rows} identity-days stored")]
    private partial void LogRead(string repository, int commits, int rows);
}
