using Metrics.Core.Storage;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Metrics.Core.Collection.Locks;

/// <summary>
/// Guarantees that one repository is never collected by two runs at once, in this process or any other sharing the
/// database: a worker, the web app and <c>metrics collect</c> all take the same locks. A lock dies with its process,
/// so a killed run never blocks the next one.
/// </summary>
public interface IRepositoryLocks
{
    /// <summary>Takes every repository that no one else holds, without waiting; the rest are busy.</summary>
    Task<RepositoryLease> TryAcquireAsync(IReadOnlyCollection<int> repositoryIds, CancellationToken cancellationToken);
}

/// <summary>The repositories a run holds until it is disposed.</summary>
public sealed class RepositoryLease(IReadOnlySet<int> held, Func<ValueTask> release) : IAsyncDisposable
{
    public IReadOnlySet<int> Held { get; } = held;

    public ValueTask DisposeAsync() => release();
}

public static class RepositoryLockExtensions
{
    /// <summary>PostgreSQL advisory locks on PostgreSQL; lock files beside the database file on SQLite.</summary>
    public static IServiceCollection AddRepositoryLocks(this IServiceCollection services)
    {
        services.AddSingleton<IRepositoryLocks>(s =>
        {
            var database = s.GetRequiredService<IOptions<DatabaseOptions>>().Value;
            return database.IsPostgres
                ? new PostgresRepositoryLocks(database.ConnectionString!)
                : new FileRepositoryLocks(FileRepositoryLocks.DirectoryFor(database.ConnectionString));
        });
        return services;
    }
}
