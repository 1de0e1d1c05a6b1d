using System.Diagnostics;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Metrics.Core.GitHistory;

/// <summary>A repository grew past the size cap; its clone was stopped and removed (or its fetch undone).</summary>
public sealed class GitSizeCapException(string message) : Exception(message);

/// <summary>What one clone or fetch did.</summary>
public sealed record MirrorResult(string Path, bool Cloned, long BytesOnDisk, long BytesFetched, TimeSpan Elapsed);

/// <summary>
/// One bare, commits-only partial clone per repository (<c>--filter=tree:0 --single-branch</c>): the first run
/// clones, later runs fetch. A clone is made in a side folder and moved into place only when complete, and a
/// marker is written last, so a clone a crash left half-done is found and made again.
/// </summary>
public sealed partial class GitMirror(GitCli git, IOptions<GitHistoryOptions> options, ILogger<GitMirror> logger)
{
    internal const string CompleteMarker = "metrics-clone-complete";
    private static readonly TimeSpan SizePoll = TimeSpan.FromMilliseconds(200);

    public string PathFor(int repositoryId, string forgeKey) =>
        System.IO.Path.GetFullPath(System.IO.Path.Combine(options.Value.DataDirectory, forgeKey, $"{repositoryId}.git"));

    public async Task<MirrorResult> UpdateAsync(string path, string cloneUrl, string name, CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        var partial = path + ".partial";
        if (Directory.Exists(partial))
        {
            LogHalfFinished(name, partial);
            Directory.Delete(partial, recursive: true);
        }

        if (Directory.Exists(path) && !await IsCompleteAsync(path, cancellationToken))
        {
            LogHalfFinished(name, path);
            Directory.Delete(path, recursive: true);
        }

        if (!Directory.Exists(path))
        {
            Directory.CreateDirectory(System.IO.Path.GetDirectoryName(path)!);
            await CappedAsync(partial, name, ct => git.RunAsync(
                ["clone", "--bare", "--filter=tree:0", "--single-branch", "--no-tags", "--quiet", "--", cloneUrl, partial], null, null, ct),
                onCap: () => Directory.Delete(partial, recursive: true), cancellationToken);
            await File.WriteAllTextAsync(System.IO.Path.Combine(partial, CompleteMarker), "", cancellationToken);
            Directory.Move(partial, path);
            var size = SizeOf(path);
            return new MirrorResult(path, Cloned: true, size, size, clock.Elapsed);
        }

        var before = SizeOf(path);
        if (before > options.Value.MaxCloneBytes)
        {
            throw CapExceeded(name);
        }

        // The forge's URL may have changed (a rename); the answer of today's snapshot is the one to use.
        await git.RunAsync(["config", "remote.origin.url", cloneUrl], path, null, cancellationToken);
        var branch = await git.ReadAsync(["symbolic-ref", "--short", "HEAD"], path, cancellationToken);
        await CappedAsync(path, name, ct => git.RunAsync(
            ["fetch", "--quiet", "--no-tags", "--no-write-fetch-head", "--filter=tree:0", "origin", $"+refs/heads/{branch}:refs/heads/{branch}"], path, null, ct),
            onCap: () => RemoveTemporaryPacks(path), cancellationToken);
        var after = SizeOf(path);
        return new MirrorResult(path, Cloned: false, after, Math.Max(0, after - before), clock.Elapsed);
    }

    private async Task<bool> IsCompleteAsync(string path, CancellationToken cancellationToken)
    {
        if (!File.Exists(System.IO.Path.Combine(path, CompleteMarker)))
        {
            return false;
        }

        try
        {
            await git.ReadAsync(["rev-parse", "--verify", "--quiet", "HEAD^{commit}"], path, cancellationToken);
            return true;
        }
        catch (GitCommandException)
        {
            return false;
        }
    }

    /// <summary>Runs a clone or fetch while watching the folder grow; past the cap git is stopped and the growth undone.</summary>
    private async Task CappedAsync(string folder, string name, Func<CancellationToken, Task> run, Action onCap, CancellationToken cancellationToken)
    {
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var exceeded = false;
        var watch = Task.Run(async () =>
        {
            while (!stop.IsCancellationRequested)
            {
                if (SizeOf(folder) > options.Value.MaxCloneBytes)
                {
                    exceeded = true;
                    await stop.CancelAsync();
                    return;
                }

                await Task.Delay(SizePoll, stop.Token).ContinueWith(_ => { }, TaskScheduler.Default);
            }
        }, CancellationToken.None);
        try
        {
            await run(stop.Token);
        }
        catch (OperationCanceledException) when (exceeded)
        {
        }
        catch (GitCommandException) when (exceeded || SizeOf(folder) > options.Value.MaxCloneBytes)
        {
            exceeded = true;
        }
        finally
        {
            await stop.CancelAsync();
            await watch;
        }

        if (exceeded || SizeOf(folder) > options.Value.MaxCloneBytes)
        {
            onCap();
            throw CapExceeded(name);
        }
    }

    private GitSizeCapException CapExceeded(string name) => new(
        $"{name} is larger than the git history size cap of {options.Value.MaxCloneBytes / 1_000_000.0:0.#} MB " +
        $"(GitHistory:MaxCloneBytes), so its history was not downloaded; raise the cap to include it.");

    private static void RemoveTemporaryPacks(string path)
    {
        var packs = System.IO.Path.Combine(path, "objects", "pack");
        if (Directory.Exists(packs))
        {
            foreach (var file in Directory.EnumerateFiles(packs, "tmp_*").Concat(Directory.EnumerateFiles(packs, ".tmp-*")))
            {
                File.Delete(file);
            }
        }
    }

    internal static long SizeOf(string folder)
    {
        if (!Directory.Exists(folder))
        {
            return 0;
        }

        long total = 0;
        try
        {
            foreach (var file in new DirectoryInfo(folder).EnumerateFiles("*", SearchOption.AllDirectories))
            {
                try
                {
                    total += file.Length;
                }
                catch (FileNotFoundException)
                {
                    // git renames its temporary files while we count.
                }
            }
        }
        catch (DirectoryNotFoundException)
        {
        }

        return total;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "The clone of {Repository} at {Path} was left half-finished; it is made again")]
    private partial void LogHalfFinished(string repository, string path);
}
