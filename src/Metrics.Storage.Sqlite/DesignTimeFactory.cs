using Metrics.Core.Storage;
using Microsoft.EntityFrameworkCore.Design;

namespace Metrics.Storage.Sqlite;

/// <summary>Lets <c>dotnet ef migrations add</c> build the context for this provider without a host.</summary>
internal sealed class DesignTimeFactory : IDesignTimeDbContextFactory<MetricsDbContext>
{
    public MetricsDbContext CreateDbContext(string[] args) => StorageExtensions.CreateContext(
        DatabaseOptions.Sqlite, Environment.GetEnvironmentVariable("METRICS_DESIGN_CONNECTION") ?? "Data Source=design-time.db");
}
