using System.Diagnostics;
using System.Globalization;
using System.Text;

namespace Metrics.Testing;

/// <summary>One commit to generate: who wrote it and when, who committed it, and any Co-authored-by trailers.</summary>
public sealed record GitCommitSpec(string AuthorName, string AuthorEmail, DateTimeOffset AuthorDate)
{
    public string? CommitterName { get; init; }
    public string? CommitterEmail { get; init; }
    public DateTimeOffset? CommitDate { get; init; }
    public IReadOnlyList<string> CoAuthors { get; init; } = [];
    public string Message { get; init; } = "change";

    /// <summary>Files written by this commit (path → content).</summary>
    public IReadOnlyDictionary<string, string> Files { get; init; } = new Dictionary<string, string>();
}

/// <summary>
/// Generated git repositories for tests and benchmarks, written with <c>git fast-import</c> (a hundred thousand
/// commits in seconds), configured to serve partial clones over file:// as GitHub and Gitee serve them over HTTPS.
/// </summary>
public static class GitRepositories
{
    /// <summary>Creates (or extends) a bare repository at <paramref name="path"/> with these commits on <paramref name="branch"/>.</summary>
    public static async Task WriteAsync(string path, IEnumerable<GitCommitSpec> commits, string branch = "main")
    {
        var fresh = !Directory.Exists(path);
        if (fresh)
        {
            Directory.CreateDirectory(path);
            await RunAsync(path, null, "init", "--quiet", "--bare", $"--initial-branch={branch}");
            await RunAsync(path, null, "config", "uploadpack.allowFilter", "true");
            await RunAsync(path, null, "config", "uploadpack.allowAnySHA1InWant", "true");
        }

        var stream = new StringBuilder();
        var mark = 0;
        foreach (var commit in commits)
        {
            mark++;
            var message = commit.Message + (commit.CoAuthors.Count > 0 ? "\n\n" + string.Join("\n", commit.CoAuthors.Select(c => $"Co-authored-by: {c}")) : "") + "\n";
            stream.Append(CultureInfo.InvariantCulture, $"commit refs/heads/{branch}\nmark :{mark}\n");
            stream.Append(CultureInfo.InvariantCulture, $"author {commit.AuthorName} <{commit.AuthorEmail}> {commit.AuthorDate.ToUnixTimeSeconds()} +0000\n");
            var committed = commit.CommitDate ?? commit.AuthorDate;
            stream.Append(CultureInfo.InvariantCulture,
                $"committer {commit.CommitterName ?? commit.AuthorName} <{commit.CommitterEmail ?? commit.AuthorEmail}> {committed.ToUnixTimeSeconds()} +0000\n");
            stream.Append(CultureInfo.InvariantCulture, $"data {Encoding.UTF8.GetByteCount(message)}\n{message}");
            if (mark == 1 && !fresh)
            {
                stream.Append(CultureInfo.InvariantCulture, $"from refs/heads/{branch}^0\n");
            }

            foreach (var (file, content) in commit.Files)
            {
                stream.Append(CultureInfo.InvariantCulture, $"M 100644 inline {file}\ndata {Encoding.UTF8.GetByteCount(content)}\n{content}\n");
            }

            stream.Append('\n');
        }

        await RunAsync(path, stream.ToString(), "fast-import", "--quiet");
    }

    /// <summary>A file:// URL of a folder.</summary>
    public static string FileUrl(string folder) => new Uri(Path.GetFullPath(folder)).AbsoluteUri;

    private static async Task RunAsync(string path, string? input, params string[] arguments)
    {
        var start = new ProcessStartInfo("git")
        {
            RedirectStandardInput = true, RedirectStandardError = true, RedirectStandardOutput = true, UseShellExecute = false, WorkingDirectory = path,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["GIT_CONFIG_NOSYSTEM"] = "1";
        start.Environment["GIT_CONFIG_GLOBAL"] = "/dev/null";
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        if (input is not null)
        {
            await process.StandardInput.WriteAsync(input);
        }

        process.StandardInput.Close();
        await process.WaitForExitAsync();
        await output;
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"git {arguments[0]} failed: {await errors}");
        }
    }
}
