using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace Metrics.Core.Storage;

/// <summary>Applies the provider's migrations; used by the web app at start-up and by <c>metrics migrate</c>.</summary>
public sealed partial class DatabaseMigrator(MetricsDbContext db, ILogger<DatabaseMigrator> logger)
{
    public async Task<IReadOnlyList<string>> MigrateAsync(CancellationToken cancellationToken)
    {
        var pending = (await db.Database.GetPendingMigrationsAsync(cancellationToken)).ToList();
        await db.Database.MigrateAsync(cancellationToken);
        LogMigrated(pending.Count, db.Database.ProviderName ?? "?");
        return pending;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Applied {Count} migration(s) on {Provider}")]
    private partial void LogMigrated(int count, string provider);
}
