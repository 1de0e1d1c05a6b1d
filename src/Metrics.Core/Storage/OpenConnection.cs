using System.Data;
using System.Data.Common;
using System.Globalization;
using Microsoft.EntityFrameworkCore;

namespace Metrics.Core.Storage;

/// <summary>
/// The context's own connection for raw ADO.NET work (bulk writes, streamed reads), opened for the duration of a
/// <c>using</c> when EF has not opened it already, and closed again only then, so an outer transaction is never cut.
/// </summary>
internal sealed class OpenConnection : IAsyncDisposable
{
    private readonly bool _openedHere;

    private OpenConnection(DbConnection connection, bool openedHere) => (Connection, _openedHere) = (connection, openedHere);

    public DbConnection Connection { get; }

    public static async Task<OpenConnection> OpenAsync(MetricsDbContext db, CancellationToken cancellationToken)
    {
        var connection = db.Database.GetDbConnection();
        var openedHere = connection.State != ConnectionState.Open;
        if (openedHere)
        {
            await connection.OpenAsync(cancellationToken);
        }

        return new OpenConnection(connection, openedHere);
    }

    /// <summary>A day as each provider binds it: Npgsql takes <see cref="DateOnly"/>, SQLite stores yyyy-MM-dd text.</summary>
    public static void AddDay(DbCommand command, string name, DateOnly day, bool postgres) =>
        AddValue(command, name, postgres ? day : day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));

    public static void AddValue(DbCommand command, string name, object? value)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.Value = value ?? DBNull.Value;
        command.Parameters.Add(parameter);
    }

    public async ValueTask DisposeAsync()
    {
        if (_openedHere)
        {
            await Connection.CloseAsync();
        }
    }
}
