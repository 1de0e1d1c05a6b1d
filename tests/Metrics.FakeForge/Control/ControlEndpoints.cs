using System.Globalization;
using Metrics.FakeForge.Faults;
using Metrics.FakeForge.Hosting;
using Metrics.FakeForge.World;

namespace Metrics.FakeForge.Control;

/// <summary>The fake's own controls under /_fake: clock, faults, statistics, reset and the world itself.</summary>
public static class ControlEndpoints
{
    public static IEndpointRouteBuilder MapControl(this IEndpointRouteBuilder app)
    {
        var g = app.MapGroup("/_fake");
        g.MapGet("/clock", (ForgeState s) => Results.Ok(new { now = s.Now }));
        g.MapPost("/clock/advance", (ForgeState s, HttpRequest r) =>
        {
            var days = Number(r, "days");
            var hours = Number(r, "hours");
            if (days < 0 || hours < 0)
            {
                return Results.BadRequest(new { message = "The clock only moves forward." });
            }

            s.Clock.Advance(TimeSpan.FromDays(days) + TimeSpan.FromHours(hours));
            return Results.Ok(new { now = s.Now });
        });
        g.MapGet("/faults", (ForgeState s) => Results.Ok(s.Faults.Settings));
        g.MapPost("/faults", (ForgeState s, FaultSettings settings) =>
        {
            s.Faults.Settings = settings;
            return Results.Ok(settings);
        });
        g.MapGet("/stats", (ForgeState s) => Results.Ok(s.Stats.Snapshot()));
        g.MapPost("/reset", (ForgeState s) =>
        {
            s.Reset();
            return Results.NoContent();
        });
        g.MapGet("/world", (ForgeState s) => Results.Text(WorldFile.ToJson(s.World), "application/json"));
        return app;
    }

    private static double Number(HttpRequest r, string name) =>
        double.TryParse(r.Query[name].FirstOrDefault(), NumberStyles.Float, CultureInfo.InvariantCulture, out var v) ? v : 0;
}
