using Microsoft.Extensions.Options;

namespace Metrics.Core.Storage;

public sealed class DatabaseOptions
{
    public const string SectionName = "Database";
    public const string Sqlite = "Sqlite";
    public const string Postgres = "Postgres";

    /// <summary><c>Sqlite</c> (embedded, the default) or <c>Postgres</c>.</summary>
    public string Provider { get; set; } = Sqlite;

    /// <summary>From <c>ConnectionStrings:Metrics</c>; for SQLite it defaults to a file under ./data/.</summary>
    public string? ConnectionString { get; set; }

    public bool IsPostgres => string.Equals(Provider, Postgres, StringComparison.OrdinalIgnoreCase);

    public const string DefaultSqliteConnectionString = "Data Source=data/metrics.db";
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

        if (!string.IsNullOrWhiteSpace(options.ConnectionString) && !LooksLikeConnectionString(options.ConnectionString))
        {
            return ValidateOptionsResult.Fail("ConnectionStrings:Metrics is not a connection string (expected 'Key=Value;…').");
        }

        return ValidateOptionsResult.Success;
    }

    private static bool LooksLikeConnectionString(string value)
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
