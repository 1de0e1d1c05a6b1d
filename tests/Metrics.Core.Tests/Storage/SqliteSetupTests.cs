using Metrics.Core.Storage;
using Metrics.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Metrics.Core.Tests.Storage;

/// <summary>
/// A SQLite database runs with a write-ahead log and a busy timeout on every connection, so a collection's readers
/// never wait for its writers and a writer waiting for another is woken when the lock is free.
/// </summary>
public sealed class SqliteSetupTests
{
    [Fact]
    public async Task Every_connection_has_the_write_ahead_log_and_a_busy_timeout()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseOptions.Sqlite);

        var (journal, timeout) = await database.InScopeAsync(async s =>
        {
            var db = s.GetRequiredService<MetricsDbContext>();
            await db.Database.OpenConnectionAsync();
            await using var command = db.Database.GetDbConnection().CreateCommand();
            command.CommandText = "PRAGMA journal_mode";
            var journal = (string?)await command.ExecuteScalarAsync();
            command.CommandText = "PRAGMA busy_timeout";
            var timeout = Convert.ToInt32(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
            return (journal, timeout);
        });

        Assert.Equal("wal", journal);
        Assert.Equal(30_000, timeout);
    }
}
