using Metrics.Web.Components;

namespace Metrics.Web.Startup;

internal static class WebExtensions
{
    public static WebApplicationBuilder AddMetricsWeb(this WebApplicationBuilder builder)
    {
        builder.Services.AddRazorComponents();
        builder.Services.AddProblemDetails();
        return builder;
    }

    public static WebApplication MapMetricsWeb(this WebApplication app)
    {
        if (!app.Environment.IsDevelopment())
        {
            app.UseExceptionHandler("/error", createScopeForErrors: true);
        }

        app.UseAntiforgery();
        app.MapStaticAssets();
        app.MapRazorComponents<App>();
        return app;
    }
}
