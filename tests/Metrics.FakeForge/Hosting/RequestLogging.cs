using System.Diagnostics;
using Metrics.FakeForge.Core;

namespace Metrics.FakeForge.Hosting;

/// <summary>
/// The fake's own request log, with access_token values masked. ASP.NET's hosting log (which
/// prints the raw query string) is switched off in <see cref="FakeForgeApp"/> in favour of this one.
/// </summary>
internal sealed partial class RequestLogging(RequestDelegate next, ILogger<RequestLogging> logger)
{
    public async Task InvokeAsync(HttpContext http)
    {
        var started = Stopwatch.GetTimestamp();
        var target = http.Request.Path.Value + Redaction.Query(http.Request.QueryString.Value ?? "");
        try
        {
            await next(http);
        }
        finally
        {
            Log(logger, http.Request.Method, target, http.Response.StatusCode, Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "{Method} {Target} answered {Status} in {Elapsed:0.0} ms")]
    private static partial void Log(ILogger logger, string method, string target, int status, double elapsed);
}
