using Metrics.Core;
using Metrics.Web.Startup;

return await StartupErrors.RunAsync(args,
    builder =>
    {
        builder.AddMetricsCore();
        builder.AddMetricsWeb();
    },
    async app =>
    {
        await app.InitializeDatabaseAsync();
        app.MapMetricsWeb();
        await app.RunAsync();
    });

/// <summary>Visible to WebApplicationFactory in the tests.</summary>
public partial class Program;
