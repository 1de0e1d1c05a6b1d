using Microsoft.Data.Sqlite;
using Npgsql;

namespace Metrics.Core.Storage;

/// <summary>
/// Recognises "the database cannot be used at all" (cannot be opened or reached, is not a database, has no schema)
/// among the exceptions a command or the web app's start-up meets, so it is reported as a one-line configuration
/// error naming the database instead of a stack trace.
/// </summary>
public static class DatabaseProblem
{
    private const int CantOpen = 14;
    private const int NotADatabase = 26;
    private const int ReadOnly = 8;
    private const int IoError = 10;

    public static string? Describe(Exception exception, DatabaseOptions database)
    {
        for (Exception? e = exception; e is not null; e = e.InnerException)
        {
            var where = database.Describe();
            switch (e)
            {
                case SqliteException sqlite when sqlite.SqliteErrorCode is CantOpen or NotADatabase or ReadOnly or IoError:
                    return $"cannot open the database ({where}): {OneLine(sqlite.Message)}";
                case SqliteException sqlite when sqlite.Message.Contains("no such table", StringComparison.Ordinal):
                    return $"the database ({where}) has no schema yet: run `metrics migrate` (or start the web app) first.";
                case PostgresException pg when pg.SqlState is "3D000" or "28P01" or "28000" or "42501":
                    return $"cannot open the database ({where}): {OneLine(pg.MessageText)}";
                case PostgresException pg when pg.SqlState == "42P01":
                    return $"the database ({where}) has no schema yet: run `metrics migrate` (or start the web app) first.";
                case NpgsqlException npgsql when npgsql is not PostgresException:
                    return $"cannot reach the database ({where}): {OneLine(npgsql.Message)}";
                case UnauthorizedAccessException or DirectoryNotFoundException when database.SqliteFile is not null:
                    return $"cannot create the database ({where}): {OneLine(e.Message)}";
            }
        }

        return null;
    }

    private static string OneLine(string text) => string.Join(' ', text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
}
