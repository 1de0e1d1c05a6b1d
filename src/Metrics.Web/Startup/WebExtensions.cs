using Metrics.Core.Scheduling;
using Metrics.Web.Admin;
using Metrics.Web.Charts;
using Metrics.Web.Collection;
using Metrics.Web.Components;
using Metrics.Web.Dashboard;
using Metrics.Web.Export;
using Metrics.Web.Health;
using Metrics.Web.Localization;

namespace Metrics.Web.Startup;

internal static class WebExtensions
{
    public static WebApplicationBuilder AddMetricsWeb(this WebApplicationBuilder builder)
    {
        builder.Services.AddRazorComponents();
        builder.Services.AddMetricsLocalization();
        builder.Services.AddProblemDetails();
        builder.Services.AddAdmin();
        builder.Services.AddDashboard();
        builder.AddScheduledCollection();
        builder.Services.AddCollectionControls();
        builder.Services.AddMetricsHealth();
        return builder;
    }

    public static WebApplication MapMetricsWeb(this WebApplication app)
    {
        // Every exception ends at the plain page, except in Development for a request from this machine, whose
        // detailed page (it echoes headers and cookies) is rendered inside the handler, so it never reaches visitors.
        app.UseExceptionHandler("/error", createScopeForErrors: true);
        if (app.Environment.IsDevelopment())
        {
            app.UseWhen(LocalRequest.IsLocal, local => local.UseDeveloperExceptionPage());
        }

        app.UseMetricsLocalization();

        // Only for pages fetched by a browser: re-running a refused form post would read its form a second time.
        app.UseWhen(http => HttpMethods.IsGet(http.Request.Method), get => get.UseStatusCodePagesWithReExecute("/not-found"));
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseRateLimiter();
        app.UseAntiforgery();
        app.MapStaticAssets();
        app.MapMetricsHealth();
        app.MapCharts();
        app.MapExports();
        app.MapAdmin();
        app.MapMetricsHangfireDashboard();
        app.MapRazorComponents<App>();
        return app;
    }
}
