using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;

namespace Metrics.Core.Storage;

public sealed class DatabaseOptions
{
    public const string SectionName = "Database";
    public const string Sqlite = "Sqlite";
    public const string Postgres = "Postgres";

    /// <summary><c>Sqlite</c> (embedded, the default) or <c>Postgres</c>.</summary>
    public string Provider { get; set; } = Sqlite;

    /// <summary>
    /// From <c>ConnectionStrings:Metrics</c>. For SQLite, unset means <c>data/metrics.db</c> and a relative file is
    /// resolved under <see cref="MetricsHome"/> (see <see cref="ResolveSqlite"/>), so every host opens the same file.
    /// </summary>
    public string? ConnectionString { get; set; }

    public bool IsPostgres => string.Equals(Provider, Postgres, StringComparison.OrdinalIgnoreCase);

    public const string DefaultSqliteFile = "data/metrics.db";

    /// <summary>The SQLite file as an absolute path; null for PostgreSQL, in-memory and URI databases.</summary>
    public string? SqliteFile
    {
        get
        {
            if (IsPostgres || string.IsNullOrWhiteSpace(ConnectionString))
            {
                return null;
            }

            var file = new SqliteConnectionStringBuilder(ConnectionString).DataSource;
            return IsPlainFile(file) ? Path.GetFullPath(file) : null;
        }
    }

    /// <summary>Which database this process uses, for <c>metrics status</c> and the Collection page (never a password).</summary>
    public string Describe()
    {
        if (IsPostgres)
        {
            var pg = new Npgsql.NpgsqlConnectionStringBuilder(ConnectionString);
            return $"PostgreSQL database '{pg.Database}' on {pg.Host}:{pg.Port}";
        }

        return SqliteFile is { } file ? $"SQLite {file}" : $"SQLite {new SqliteConnectionStringBuilder(ConnectionString).DataSource}";
    }

    /// <summary>Fills in the default file and anchors a relative one under <paramref name="home"/>; an empty value is left for the validator.</summary>
    public static string? ResolveSqlite(string? connectionString, string home)
    {
        if (connectionString is null)
        {
            connectionString = $"Data Source={DefaultSqliteFile}";
        }
        else if (string.IsNullOrWhiteSpace(connectionString) || !DatabaseOptionsValidator.LooksLikeConnectionString(connectionString))
        {
            return connectionString;
        }

        var builder = new SqliteConnectionStringBuilder(connectionString);
        if (IsPlainFile(builder.DataSource) && !Path.IsPathRooted(builder.DataSource))
        {
            builder.DataSource = Path.GetFullPath(Path.Combine(home, builder.DataSource));
        }

        return builder.ConnectionString;
    }

    internal static bool IsPlainFile(string? file) =>
        !string.IsNullOrEmpty(file) && file != ":memory:" && !file.StartsWith("file:", StringComparison.Ordinal);
}

/// <summary>Names the offending key, so a user knows what to fix before anything touches the database.</summary>
internal sealed class DatabaseOptionsValidator : IValidateOptions<DatabaseOptions>
{
    public ValidateOptionsResult Validate(string? name, DatabaseOptions options)
    {
        if (!string.Equals(options.Provider, DatabaseOptions.Sqlite, StringComparison.OrdinalIgnoreCase) && !options.IsPostgres)
        {
            return ValidateOptionsResult.Fail(
                $"Database:Provider must be '{DatabaseOptions.Sqlite}' or '{DatabaseOptions.Postgres}', not '{options.Provider}'.");
        }

        if (options.IsPostgres && string.IsNullOrWhiteSpace(options.ConnectionString))
        {
            return ValidateOptionsResult.Fail(
                "ConnectionStrings:Metrics is required when Database:Provider is 'Postgres' (e.g. 'Host=localhost;Database=metrics;Username=metrics;Password=…').");
        }

        // An empty value used to open a fresh, empty database somewhere: the user meant something, so say so.
        if (options.ConnectionString is not null && string.IsNullOrWhiteSpace(options.ConnectionString))
        {
            return ValidateOptionsResult.Fail(
                "ConnectionStrings:Metrics is empty: unset it for the default SQLite file, or give 'Data Source=FILE' or a PostgreSQL connection string.");
        }

        if (!string.IsNullOrWhiteSpace(options.ConnectionString) && !LooksLikeConnectionString(options.ConnectionString))
        {
            return ValidateOptionsResult.Fail("ConnectionStrings:Metrics is not a connection string (expected 'Key=Value;…').");
        }

        if (!options.IsPostgres && string.IsNullOrWhiteSpace(new SqliteConnectionStringBuilder(options.ConnectionString).DataSource))
        {
            return ValidateOptionsResult.Fail("ConnectionStrings:Metrics names no SQLite file (expected 'Data Source=FILE').");
        }

        return ValidateOptionsResult.Success;
    }

    internal static bool LooksLikeConnectionString(string value)
    {
        try
        {
            var builder = new System.Data.Common.DbConnectionStringBuilder { ConnectionString = value };
            return builder.Count > 0;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }
}
