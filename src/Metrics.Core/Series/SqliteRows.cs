using System.Globalization;
using System.Text;
using Metrics.Core.Storage;
using Microsoft.Data.Sqlite;
using SQLitePCL;

namespace Metrics.Core.Series;

/// <summary>
/// The star rows on SQLite through SQLite's own calls: Microsoft.Data.Sqlite checks each value's type and nullness
/// before reading it, three native calls per value, which for 96k rows of five columns was most of reading them
/// (docs/benchmarks.md, "Chart latency"). Here a row is one step and one call per value read. The day and the source
/// are read as the bytes SQLite stores and decoded here: SQLite's own <c>julianday()</c> and a <c>CASE</c> on the
/// source cost a third of the read.
/// </summary>
internal static class SqliteRows
{
    private static readonly int UnixEpoch = new DateOnly(1970, 1, 1).DayNumber;

    /// <param name="sql">Columns: repository id, day (yyyy-MM-dd text), gained, source text.</param>
    /// <param name="direct">Whether to read through <see cref="SqliteNative"/>; tests compare both ways.</param>
    public static void Read(sqlite3 handle, string sql, string[] known, StarGainReader.Sink sink, CancellationToken cancellationToken, bool? direct = null)
    {
        var knownBytes = known.Select(Encoding.UTF8.GetBytes).ToArray();
        SqliteException.ThrowExceptionForRC(raw.sqlite3_prepare_v2(handle, sql, out var statement), handle);
        using (statement)
        {
            var (started, rows) = (false, 0);
            if (direct ?? SqliteNative.Available)
            {
                // The first step through SqliteStep, which waits out a writer's lock; later ones cannot meet one.
                if (!SqliteStep.Next(handle, statement, ref started, cancellationToken))
                {
                    return;
                }

                var s = statement.DangerousGetHandle();
                while (true)
                {
                    sink.Add(SqliteNative.Int32(s, 0), DaysSince1970(SqliteNative.Bytes(s, 1)), SqliteNative.Int64(s, 2), Source(SqliteNative.Bytes(s, 3), known, knownBytes));
                    if ((++rows & 0xFFF) == 0)
                    {
                        cancellationToken.ThrowIfCancellationRequested();
                    }

                    var result = SqliteNative.Step(s);
                    if (result != raw.SQLITE_ROW)
                    {
                        SqliteException.ThrowExceptionForRC(result == raw.SQLITE_DONE ? raw.SQLITE_OK : result, handle);
                        return;
                    }
                }
            }

            while (SqliteStep.Next(handle, statement, ref started, cancellationToken))
            {
                if ((++rows & 0xFFF) == 0)
                {
                    cancellationToken.ThrowIfCancellationRequested();
                }

                sink.Add(
                    raw.sqlite3_column_int(statement, 0),
                    DaysSince1970(raw.sqlite3_column_blob(statement, 1)),
                    raw.sqlite3_column_int64(statement, 2),
                    Source(raw.sqlite3_column_blob(statement, 3), known, knownBytes));
            }
        }
    }

    /// <summary>A day as EF Core's SQLite provider stores it, yyyy-MM-dd, as days since 1970.</summary>
    internal static int DaysSince1970(ReadOnlySpan<byte> day)
    {
        if (day.Length == 10 && day[4] == '-' && day[7] == '-'
            && Digits(day[..4], out var year) && Digits(day.Slice(5, 2), out var month) && Digits(day.Slice(8, 2), out var dayOfMonth)
            && year >= 1 && month is >= 1 and <= 12 && dayOfMonth >= 1 && dayOfMonth <= DateTime.DaysInMonth(year, month))
        {
            return new DateOnly(year, month, dayOfMonth).DayNumber - UnixEpoch;
        }

        // Anything else is a row not written by this product; the standard parser names it in its error.
        return DateOnly.ParseExact(Encoding.UTF8.GetString(day), "yyyy-MM-dd", CultureInfo.InvariantCulture).DayNumber - UnixEpoch;
    }

    private static bool Digits(ReadOnlySpan<byte> text, out int value)
    {
        value = 0;
        foreach (var b in text)
        {
            if (b is < (byte)'0' or > (byte)'9')
            {
                return false;
            }

            value = (value * 10) + (b - '0');
        }

        return true;
    }

    private static string Source(ReadOnlySpan<byte> source, string[] known, byte[][] knownBytes)
    {
        for (var i = 0; i < knownBytes.Length; i++)
        {
            if (source.SequenceEqual(knownBytes[i]))
            {
                return known[i];
            }
        }

        return Encoding.UTF8.GetString(source);
    }
}
