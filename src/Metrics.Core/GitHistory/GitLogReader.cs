using System.Globalization;

namespace Metrics.Core.GitHistory;

/// <summary>Who was active on which day in a clone, read from <c>git log</c> of its default branch.</summary>
public sealed record GitLogRead(string Head, int Commits, IReadOnlyList<GitIdentityDay> Days);

/// <summary>
/// Reads every commit of the default branch: the author (mailmap applied by git) counts the commit on the author's
/// UTC day; each Co-authored-by trailer (mailmap applied here) and a committer other than the author and the forge's
/// web interface are active that day without a commit of their own.
/// </summary>
public sealed class GitLogReader(GitCli git)
{
    private const string Format = "tformat:%aE%x1f%aN%x1f%at%x1f%cE%x1f%cN%x1f%ct%x1f%(trailers:key=Co-authored-by,valueonly,separator=%x1d)";

    public Task<string> HeadAsync(string path, CancellationToken cancellationToken) =>
        git.ReadAsync(["rev-parse", "--verify", "HEAD^{commit}"], path, cancellationToken);

    public async Task<GitLogRead> ReadAsync(string path, string head, int repositoryId, long generation, CancellationToken cancellationToken)
    {
        var mailmapFile = await WriteMailmapAsync(path, cancellationToken);
        var mailmap = Mailmap.Parse(await File.ReadAllTextAsync(mailmapFile, cancellationToken));
        var days = new Dictionary<(string Key, DateOnly Day), GitIdentityDay>();
        var commits = 0;
        await git.RunAsync(
            ["-c", $"mailmap.file={mailmapFile}", "-c", "mailmap.blob=", "log", "--use-mailmap", "--no-color", $"--format={Format}", head],
            path,
            line =>
            {
                var fields = line.Split('\u001f');
                if (fields.Length < 7)
                {
                    return;
                }

                commits++;
                var authored = Day(fields[2]);
                var author = Add(days, repositoryId, generation, fields[1], fields[0], authored, 1);
                foreach (var trailer in fields[6].Split('\u001d', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
                {
                    if (ParsePerson(trailer) is var (name, email))
                    {
                        var mapped = mailmap.MapEmail(name, email);
                        if (author is null || GitIdentity.Key(mapped) != author)
                        {
                            Add(days, repositoryId, generation, name, mapped, authored, 0);
                        }
                    }
                }

                if (!GitIdentity.IsForgeCommitter(fields[3]) && GitIdentity.Key(fields[3]) != author)
                {
                    Add(days, repositoryId, generation, fields[4], fields[3], Day(fields[5]), 0);
                }
            },
            cancellationToken);
        return new GitLogRead(head, commits, [.. days.Values]);
    }

    /// <summary>
    /// The .mailmap of the tip, copied beside the clone: a commits-only clone holds no trees, so git fetches just
    /// that one file on demand, and git and the trailer mapping then read the same rules.
    /// </summary>
    private async Task<string> WriteMailmapAsync(string path, CancellationToken cancellationToken)
    {
        var file = Path.Combine(path, "metrics-mailmap");
        string text;
        try
        {
            text = await git.ReadAsync(["cat-file", "blob", "HEAD:.mailmap"], path, cancellationToken);
        }
        catch (GitCommandException)
        {
            text = "";
        }

        await File.WriteAllTextAsync(file, text, cancellationToken);
        return file;
    }

    private static string? Add(
        Dictionary<(string, DateOnly), GitIdentityDay> days, int repositoryId, long generation, string name, string email, DateOnly day, int commits)
    {
        if (string.IsNullOrWhiteSpace(email))
        {
            return null;
        }

        var key = GitIdentity.Key(email);
        if (days.TryGetValue((key, day), out var row))
        {
            row.Commits += commits;
        }
        else
        {
            days[(key, day)] = new GitIdentityDay
            {
                RepositoryId = repositoryId, Key = key, Day = day, Commits = commits, Bot = GitIdentity.IsBot(name, email), Generation = generation,
            };
        }

        return key;
    }

    private static DateOnly Day(string unixSeconds) =>
        DateOnly.FromDateTime(DateTimeOffset.FromUnixTimeSeconds(long.Parse(unixSeconds, CultureInfo.InvariantCulture)).UtcDateTime);

    private static (string Name, string Email)? ParsePerson(string text)
    {
        var open = text.LastIndexOf('<');
        var close = text.LastIndexOf('>');
        return open >= 0 && close > open ? (text[..open].Trim(), text[(open + 1)..close].Trim()) : null;
    }
}
