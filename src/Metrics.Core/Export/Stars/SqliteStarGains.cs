using Metrics.Core.Storage;
using Microsoft.Data.Sqlite;
using SQLitePCL;

namespace Metrics.Core.Export.Stars;

/// <summary>
/// The statement stepped straight through SQLite's C API on the connection's own handle: days and sources are read
/// as UTF-8 bytes (EF's SQLite databases are UTF-8), so no string is made per row as a data reader would.
/// </summary>
internal sealed class SqliteStarGains : StarGainSource
{
    private readonly sqlite3 _database;
    private readonly sqlite3_stmt _statement;
    private bool _started;

    private SqliteStarGains(sqlite3 database, sqlite3_stmt statement) => (_database, _statement) = (database, statement);

    public static SqliteStarGains Open(SqliteConnection connection, string query)
    {
        var database = connection.Handle ?? throw new InvalidOperationException("The SQLite connection is not open.");
        SqliteException.ThrowExceptionForRC(raw.sqlite3_prepare_v2(database, query, out var statement), database);
        return new SqliteStarGains(database, statement);
    }

    public override ValueTask<bool> FillAsync(StarGainBatch batch, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var count = 0;
        try
        {
            while (count < StarGainBatch.Capacity)
            {
                if (!SqliteStep.Next(_database, _statement, ref _started, cancellationToken))
                {
                    return ValueTask.FromResult(false);
                }

                batch.Repository[count] = raw.sqlite3_column_int(_statement, 0);
                batch.Day[count] = DayText.Parse(raw.sqlite3_column_blob(_statement, 1));
                batch.Source[count] = Source(raw.sqlite3_column_blob(_statement, 2), batch);
                batch.Gained[count] = raw.sqlite3_column_int64(_statement, 3);
                count++;
            }

            return ValueTask.FromResult(true);
        }
        finally
        {
            batch.Count = count;
        }
    }

    public override ValueTask DisposeAsync()
    {
        _statement.Dispose();
        return ValueTask.CompletedTask;
    }
}

/// <summary>SQLite stores days as yyyy-MM-dd text; the digits are read straight from the bytes.</summary>
internal static class DayText
{
    public static int Parse(ReadOnlySpan<byte> text)
    {
        if (text.Length == 10 && text[4] == '-' && text[7] == '-')
        {
            var year = Digits(text[..4]);
            var month = Digits(text.Slice(5, 2));
            var day = Digits(text.Slice(8, 2));
            if (year > 0 && month is >= 1 and <= 12 && day >= 1 && day <= DateTime.DaysInMonth(year, month))
            {
                return new DateOnly(year, month, day).DayNumber;
            }
        }

        return DateOnly.Parse(System.Text.Encoding.UTF8.GetString(text), System.Globalization.CultureInfo.InvariantCulture).DayNumber;
    }

    private static int Digits(ReadOnlySpan<byte> text)
    {
        var value = 0;
        foreach (var digit in text)
        {
            if (digit is < (byte)'0' or > (byte)'9')
            {
                return -1;
            }

            value = value * 10 + digit - '0';
        }

        return value;
    }
}
