using Metrics.Core.Catalog;
using Metrics.Core.Storage;
using Microsoft.Extensions.Options;

namespace Metrics.Web.Startup;

internal static class DatabaseInitializer
{
    /// <summary>A fresh clone works on first run: the schema is created and the essay's catalog imported before serving.</summary>
    public static async Task InitializeDatabaseAsync(this WebApplication app)
    {
        await using var scope = app.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<DatabaseMigrator>().MigrateAsync(app.Lifetime.ApplicationStopping);
        var catalog = scope.ServiceProvider.GetRequiredService<IOptions<CatalogOptions>>().Value;
        if (catalog.SeedOnStart)
        {
            await scope.ServiceProvider.GetRequiredService<SeedOnStart>().ImportIfChangedAsync(catalog.SeedsDirectory, app.Lifetime.ApplicationStopping);
        }
    }
}
