using Metrics.Core.Storage;
using Microsoft.Data.Sqlite;

namespace Metrics.Core.Collection.Locks;

/// <summary>
/// SQLite has no advisory locks, so each repository gets a lock file beside the database, opened exclusively (an
/// OS file lock): the web app and a <c>metrics collect</c> on the same file exclude each other, and the OS drops
/// the lock when a process dies. The files stay: deleting them would let two processes lock different inodes.
/// </summary>
internal sealed class FileRepositoryLocks(string directory) : IRepositoryLocks
{
    public static string DirectoryFor(string? connectionString)
    {
        var file = new SqliteConnectionStringBuilder(DatabaseOptions.ResolveSqlite(connectionString, MetricsHome.Directory)).DataSource;
        return !DatabaseOptions.IsPlainFile(file)
            ? Path.Combine(Path.GetTempPath(), $"metrics-locks-{Environment.ProcessId}")
            : Path.GetFullPath(file) + ".locks";
    }

    public Task<RepositoryLease> TryAcquireAsync(IReadOnlyCollection<int> repositoryIds, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(directory);
        var files = new Dictionary<int, FileStream>();
        foreach (var id in repositoryIds.Distinct())
        {
            try
            {
                files[id] = new FileStream(Path.Combine(directory, $"repository-{id}.lock"), FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
            }
            catch (IOException)
            {
                // Held by another run.
            }
        }

        return Task.FromResult(new RepositoryLease(files.Keys.ToHashSet(), () =>
        {
            foreach (var file in files.Values)
            {
                file.Dispose();
            }

            return ValueTask.CompletedTask;
        }));
    }
}
