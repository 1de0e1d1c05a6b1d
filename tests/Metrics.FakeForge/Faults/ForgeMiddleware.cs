using System.Collections.Concurrent;
using System.Text;
using Metrics.FakeForge.Core;
using Metrics.FakeForge.GitHub;
using Metrics.FakeForge.Hosting;

namespace Metrics.FakeForge.Faults;

/// <summary>
/// Around every forge request: statistics, requests in flight per client (for GitHub's secondary
/// limit) and the seeded faults. Control routes under /_fake are left alone.
/// </summary>
internal sealed class ForgeMiddleware(RequestDelegate next, ForgeState state)
{
    private const string InFlightItem = "fake-forge.in-flight";
    private static readonly string[] ForgePrefixes = ["/github", "/gitee", "/gitcode", "/atomgit", "/hf"];
    private readonly ConcurrentDictionary<string, int> _inFlight = new(StringComparer.Ordinal);

    public static int InFlightOf(HttpContext http) => http.Items.TryGetValue(InFlightItem, out var n) && n is int i ? i : 0;

    public async Task InvokeAsync(HttpContext http)
    {
        var path = http.Request.Path.Value ?? "";
        var prefix = ForgePrefixes.FirstOrDefault(p => path.StartsWith(p, StringComparison.OrdinalIgnoreCase));
        if (prefix is null)
        {
            await next(http);
            return;
        }

        var endpoint = $"{http.Request.Method} {(http.GetEndpoint() as RouteEndpoint)?.RoutePattern.RawText ?? path}";
        var client = ClientKey(http);
        var status = "dropped";
        // AtomGit is GitCode's other address: one forge, one count.
        var forge = prefix == "/atomgit" ? "gitcode" : prefix[1..];
        state.Stats.Started(forge);
        http.Items[InFlightItem] = _inFlight.AddOrUpdate(client, 1, (_, n) => n + 1);
        var finished = false;
        void Finish()
        {
            if (finished)
            {
                return;
            }

            finished = true;
            _inFlight.AddOrUpdate(client, 0, (_, n) => n - 1);
            state.Stats.Finished(forge, endpoint, status);
        }

        // Counted when the response starts, before any byte reaches the client: a test that reads the
        // statistics right after its request returns must find that request there.
        http.Response.OnStarting(() =>
        {
            status = StatusOf(http);
            Finish();
            return Task.CompletedTask;
        });
        try
        {
            var fault = state.Faults.Decide(http.Request.Method, path, http.Request.QueryString.Value ?? "");
            if (state.Faults.Settings.LatencyMs is > 0 and var ms)
            {
                await Task.Delay(ms, http.RequestAborted);
            }

            switch (fault.Kind)
            {
                case FaultKind.Drop:
                    // No response starts, so count it here, before the client sees the reset.
                    Finish();
                    http.Abort();
                    return;
                case FaultKind.Error:
                    http.Response.Headers["X-Fake-Fault"] = "error";
                    await ServerError(fault.Status).ExecuteAsync(http);
                    return;
                case FaultKind.Truncate:
                    http.Response.Headers["X-Fake-Fault"] = "truncate";
                    http.Items[JsonPayload.TruncateItem] = true;
                    break;
                case FaultKind.CutBody:
                    http.Items[JsonPayload.CutBodyItem] = true;
                    break;
            }

            await next(http);
            status = StatusOf(http);
        }
        finally
        {
            Finish();
        }
    }

    private static string StatusOf(HttpContext http) =>
        http.Items.ContainsKey(JsonPayload.TruncatedItem) ? "truncated"
        : http.Items.ContainsKey(JsonPayload.CutItem) ? "cut"
        : http.Response.StatusCode.ToString(System.Globalization.CultureInfo.InvariantCulture);

    private static JsonPayload ServerError(int status) => status switch
    {
        502 => new JsonPayload(502, Encoding.UTF8.GetBytes("<html><body><h1>502 Bad Gateway</h1></body></html>\n"), "text/html"),
        503 => JsonPayload.Json(503, new System.Text.Json.Nodes.JsonObject { ["message"] = "Service Unavailable" }),
        _ => JsonPayload.Json(500, new System.Text.Json.Nodes.JsonObject { ["message"] = "Server Error" }),
    };

    /// <summary>Same identity the forges use: a GitHub/HF bearer token, a Gitee access_token, a GitCode PRIVATE-TOKEN, else the address.</summary>
    private static string ClientKey(HttpContext http) =>
        GitHubCall.TokenOf(http.Request)
        ?? GitCode.GitCodeFilter.TokenOf(http.Request)
        ?? "anonymous:" + http.Connection.RemoteIpAddress;
}
