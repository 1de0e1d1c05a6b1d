using Microsoft.Data.Sqlite;
using SQLitePCL;

namespace Metrics.Core.Storage.Bulk;

internal static class SqliteErrors
{
    /// <summary>The same exception Microsoft.Data.Sqlite throws for a failed call: SQLite's message and both codes.</summary>
    public static SqliteException Of(sqlite3 database, int result) =>
        new($"SQLite Error {result}: '{raw.sqlite3_errmsg(database).utf8_to_string()}'.", result, raw.sqlite3_extended_errcode(database));
}
