using System.Data.Common;
using System.Globalization;
using System.Runtime.CompilerServices;
using Metrics.Core.Storage;
using Microsoft.EntityFrameworkCore;

namespace Metrics.Core.Series;

/// <summary>One stored star-gain row, read without an entity.</summary>
internal readonly record struct StarGainRow(int RepositoryId, DateOnly Day, string Source, long Gained);

/// <summary>
/// Streams star_gains straight from a data reader in primary-key order (repository, day, source), so neither
/// database sorts and no entity is materialised or tracked: most of a cold chart of many projects is these rows.
/// </summary>
internal static class StarGainReader
{
    public static async IAsyncEnumerable<StarGainRow> ReadAsync(
        MetricsDbContext db, IReadOnlyCollection<int> repositories, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await using var open = await OpenConnection.OpenAsync(db, cancellationToken);
        var connection = open.Connection;

        await using var command = connection.CreateCommand();
        // Integer ids from the database itself, so inlining them is safe and keeps one plan for any count.
        command.CommandText = """SELECT "RepositoryId", "Day", "Source", "Gained" FROM star_gains WHERE """ +
            (repositories.Count == 0 ? "1 = 0" : $"\"RepositoryId\" IN ({string.Join(", ", repositories.Select(id => id.ToString(CultureInfo.InvariantCulture)))})") +
            """ ORDER BY "RepositoryId", "Day", "Source" """;
        await using var reader = await command.ExecuteReaderAsync(System.Data.CommandBehavior.SequentialAccess, cancellationToken);
        var sqlite = !db.Database.IsNpgsql();
        var days = new DayCache();
        while (await reader.ReadAsync(cancellationToken))
        {
            // Sequential access: columns are read in order.
            var repository = reader.GetInt32(0);
            var day = sqlite ? days.Parse(reader.GetString(1)) : reader.GetFieldValue<DateOnly>(1);
            yield return new StarGainRow(repository, day, reader.GetString(2), reader.GetInt64(3));
        }
    }

    /// <summary>SQLite stores days as yyyy-MM-dd text; parsing the digits directly is several times faster than ParseExact.</summary>
    private sealed class DayCache
    {
        public DateOnly Parse(string text)
        {
            if (text.Length == 10 && text[4] == '-' && text[7] == '-')
            {
                var year = Digits(text, 0, 4);
                var month = Digits(text, 5, 2);
                var day = Digits(text, 8, 2);
                if (year > 0 && month is >= 1 and <= 12 && day >= 1 && day <= DateTime.DaysInMonth(year, month))
                {
                    return new DateOnly(year, month, day);
                }
            }

            return DateOnly.Parse(text, CultureInfo.InvariantCulture);
        }

        private static int Digits(string text, int start, int count)
        {
            var value = 0;
            for (var i = start; i < start + count; i++)
            {
                var digit = text[i] - '0';
                if (digit is < 0 or > 9)
                {
                    return -1;
                }

                value = value * 10 + digit;
            }

            return value;
        }
    }
}
