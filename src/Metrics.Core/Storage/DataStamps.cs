using System.Data.Common;
using Metrics.Core.Storage.Entities;
using Microsoft.EntityFrameworkCore;

namespace Metrics.Core.Storage;

/// <summary>
/// Reads and moves the data stamp (<see cref="DataStamp"/>). Every writer moves it as the last statement of its
/// transaction: the row lock then serialises the increments (no two states share a value) and is held only while
/// committing. A reader that reads the stamp before the data can only pair it with data as new or newer.
/// </summary>
public static class DataStamps
{
    internal const string BumpSql = "UPDATE data_stamps SET \"Value\" = \"Value\" + 1 WHERE \"Id\" = 1";

    public static async Task<long> ReadAsync(MetricsDbContext db, CancellationToken cancellationToken) =>
        await db.Set<DataStamp>().AsNoTracking().Where(s => s.Id == DataStamp.SingleId).Select(s => s.Value).FirstOrDefaultAsync(cancellationToken);

    /// <summary>For writes that bypass <c>SaveChanges</c> (<c>ExecuteUpdate</c>, <c>ExecuteDelete</c>): call it right after them.</summary>
    public static Task BumpAsync(MetricsDbContext db, CancellationToken cancellationToken) =>
        db.Database.ExecuteSqlRawAsync(BumpSql, cancellationToken);

    /// <summary>For raw ADO.NET writers: inside their transaction, just before the commit.</summary>
    public static async Task BumpAsync(DbConnection connection, DbTransaction transaction, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = BumpSql;
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
