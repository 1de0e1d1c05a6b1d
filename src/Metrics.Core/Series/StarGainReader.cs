using System.Globalization;
using Metrics.Core.Storage;
using Metrics.Core.Storage.Entities;
using Microsoft.EntityFrameworkCore;

namespace Metrics.Core.Series;

/// <summary>One repository's stored star days of one source, in day order.</summary>
internal sealed class StarDays
{
    public List<DateOnly> Days { get; } = [];

    public List<long> Gained { get; } = [];
}

/// <summary>
/// Reads star_gains straight from a data reader in primary-key order (repository, day, source), so neither database
/// sorts and no entity is materialised or tracked: most of a cold chart of many projects is these rows. Each row
/// costs only numbers: on PostgreSQL the day comes as a day number and the source as a number for the two known ones,
/// its text only for any other; on SQLite both are decoded from the stored bytes without a string (<see cref="SqliteRows"/>).
/// </summary>
internal static class StarGainReader
{
    private static readonly string[] Known = [StarSources.GitHubHistory, StarSources.GiteeStargazers];
    private static readonly int UnixEpoch = new DateOnly(1970, 1, 1).DayNumber;

    /// <returns>Per repository, per source, the days and what each gained.</returns>
    public static async Task<Dictionary<int, Dictionary<string, StarDays>>> ReadAsync(
        MetricsDbContext db, IReadOnlyCollection<int> repositories, CancellationToken cancellationToken)
    {
        var result = new Dictionary<int, Dictionary<string, StarDays>>();
        if (repositories.Count == 0)
        {
            return result;
        }

        await using var open = await OpenConnection.OpenAsync(db, cancellationToken);
        var sink = new Sink(result);
        if (open.Connection is Microsoft.Data.Sqlite.SqliteConnection { Handle: { } handle } sqlite)
        {
            // Two cores step through the rows faster than one: half the repositories on a second connection of the
            // same file, unless this context is inside a transaction another connection would not see.
            var parallel = repositories.Count >= 4 && db.Database.CurrentTransaction is null
                && DatabaseOptions.IsPlainFile(new Microsoft.Data.Sqlite.SqliteConnectionStringBuilder(sqlite.ConnectionString).DataSource);
            var (mine, theirs) = parallel
                ? (repositories.Where((_, i) => i % 2 == 0).ToList(), repositories.Where((_, i) => i % 2 == 1).ToList())
                : (repositories.ToList(), []);
            var other = theirs.Count == 0 ? null : Task.Run(() => ReadSqlite(sqlite.ConnectionString, theirs, cancellationToken), cancellationToken);
            try
            {
                SqliteRows.Read(handle, SqliteSql(mine), Known, sink, cancellationToken);
            }
            catch when (other is not null)
            {
                // This half's error is the one reported, once the other half has let go of its connection.
                await ((Task)other).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
                throw;
            }

            foreach (var (id, sources) in other is null ? [] : await other)
            {
                result[id] = sources;
            }

            return result;
        }

        await using var command = open.Connection.CreateCommand();
        // Integer ids from the database itself and the two constant source names, so inlining them is safe.
        var known = string.Join(", ", Known.Select(k => $"'{k}'"));
        command.CommandText = $"""
            SELECT "RepositoryId", ("Day" - DATE '1970-01-01'), "Gained",
                   CASE "Source" {string.Join(" ", Known.Select((k, i) => $"WHEN '{k}' THEN {i}"))} ELSE -1 END,
                   CASE WHEN "Source" IN ({known}) THEN NULL ELSE "Source" END
            FROM star_gains
            WHERE "RepositoryId" IN ({IdList(repositories)})
            ORDER BY "RepositoryId", "Day", "Source"
            """;
        await using var reader = await command.ExecuteReaderAsync(System.Data.CommandBehavior.SequentialAccess, cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            // Sequential access: columns are read in order, the source's text only when it is not a known one.
            var id = reader.GetInt32(0);
            var number = reader.GetInt32(1);
            var gained = reader.GetInt64(2);
            var code = reader.GetInt32(3);
            sink.Add(id, number, gained, code >= 0 ? Known[code] : reader.GetString(4));
        }

        return result;
    }

    private static Dictionary<int, Dictionary<string, StarDays>> ReadSqlite(string connectionString, List<int> repositories, CancellationToken cancellationToken)
    {
        using var connection = new Microsoft.Data.Sqlite.SqliteConnection(connectionString);
        connection.Open();
        var result = new Dictionary<int, Dictionary<string, StarDays>>();
        SqliteRows.Read(connection.Handle!, SqliteSql(repositories), Known, new Sink(result), cancellationToken);
        return result;
    }

    private static string SqliteSql(IEnumerable<int> repositories) =>
        $"SELECT \"RepositoryId\", \"Day\", \"Gained\", \"Source\" FROM star_gains WHERE \"RepositoryId\" IN ({IdList(repositories)}) ORDER BY \"RepositoryId\", \"Day\", \"Source\"";

    // Integer ids from the database itself, so inlining them is safe.
    private static string IdList(IEnumerable<int> repositories) => string.Join(", ", repositories.Select(id => id.ToString(CultureInfo.InvariantCulture)));

    /// <summary>Rows into per-repository, per-source lists; rows come in repository order, a source mostly as the row before.</summary>
    internal sealed class Sink(Dictionary<int, Dictionary<string, StarDays>> result)
    {
        private int _repository = -1;
        private string _source = "";
        private Dictionary<string, StarDays>? _sources;
        private StarDays? _days;

        public void Add(int repository, int daysSince1970, long gained, string source)
        {
            if (repository != _repository || _sources is null)
            {
                (_repository, _sources, _days) = (repository, result[repository] = [], null);
            }

            if (_days is null || !string.Equals(source, _source, StringComparison.Ordinal))
            {
                _source = source;
                if (!_sources.TryGetValue(source, out _days))
                {
                    _sources[source] = _days = new StarDays();
                }
            }

            _days.Days.Add(DateOnly.FromDayNumber(UnixEpoch + daysSince1970));
            _days.Gained.Add(gained);
        }
    }
}
