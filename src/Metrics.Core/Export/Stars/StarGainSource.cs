using System.Data.Common;
using System.Globalization;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace Metrics.Core.Export.Stars;

/// <summary>
/// star_gains in primary-key order (repository, day, source), so neither database sorts, read in blocks below the
/// data-reader layer: SQLite's statement stepped directly, PostgreSQL's binary COPY parsed from the socket's bytes.
/// </summary>
internal abstract class StarGainSource : IAsyncDisposable
{
    protected SourceNames Sources { get; } = new();

    /// <summary>Fills the batch from the start; false once the rows are exhausted (the batch may still hold some).</summary>
    public abstract ValueTask<bool> FillAsync(StarGainBatch batch, CancellationToken cancellationToken);

    public abstract ValueTask DisposeAsync();

    public static async Task<StarGainSource> OpenAsync(DbConnection connection, IReadOnlyCollection<int>? repositories, DateOnly? to, CancellationToken cancellationToken) =>
        connection switch
        {
            NpgsqlConnection postgres => await PostgresStarGains.OpenAsync(postgres, Query(repositories, to, postgres: true), cancellationToken),
            SqliteConnection sqlite => SqliteStarGains.Open(sqlite, Query(repositories, to, postgres: false)),
            _ => throw new NotSupportedException($"The stars export does not read {connection.GetType().Name}."),
        };

    /// <summary>
    /// The export's query. Everything inlined is generated here (integer ids from the database, a formatted day), so
    /// it is safe, keeps one plan for any count, and works inside COPY, which takes no parameters.
    /// </summary>
    internal static string Query(IReadOnlyCollection<int>? repositories, DateOnly? to, bool postgres)
    {
        var where = new List<string>();
        if (repositories is not null)
        {
            where.Add(repositories.Count == 0 ? "1 = 0" : $"\"RepositoryId\" IN ({string.Join(", ", repositories.Select(id => id.ToString(CultureInfo.InvariantCulture)))})");
        }

        if (to is { } last)
        {
            var day = last.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
            where.Add(postgres ? $"\"Day\" <= DATE '{day}'" : $"\"Day\" <= '{day}'");
        }

        return "SELECT \"RepositoryId\", \"Day\", \"Source\", \"Gained\" FROM star_gains" +
            (where.Count > 0 ? " WHERE " + string.Join(" AND ", where) : "") +
            " ORDER BY \"RepositoryId\", \"Day\", \"Source\"";
    }

    protected int Source(ReadOnlySpan<byte> utf8, StarGainBatch batch)
    {
        var index = Sources.IndexOf(utf8);
        batch.Sources = Sources.All;
        return index;
    }
}
