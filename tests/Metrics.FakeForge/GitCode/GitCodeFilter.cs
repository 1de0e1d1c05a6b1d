using System.Text.Json.Nodes;
using Metrics.FakeForge.Core;
using Metrics.FakeForge.Hosting;

namespace Metrics.FakeForge.GitCode;

/// <summary>
/// A token is required (Bearer, PRIVATE-TOKEN or access_token); each token may make 50 requests a minute and 4,000 an
/// hour, and a spent quota answers 429 (or 400, as some clients report) with GitCode's error body and no reset hint.
/// </summary>
internal sealed class GitCodeFilter(ForgeState state) : IEndpointFilter
{
    public const string LimitMessage = "Request limit exceeded, please try again later";

    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        if (TokenOf(http.Request) is not { } token)
        {
            return JsonPayload.Json(401, new JsonObject { ["message"] = "401 Unauthorized" });
        }

        var o = state.Options;
        var taken = !state.Faults.Settings.QuotaExhausted
            && state.Quota.TryTake("gitcode-minute", token, o.GitCodeMinuteLimit, TimeSpan.FromMinutes(1)).Taken
            && state.Quota.TryTake("gitcode-hour", token, o.GitCodeHourlyLimit, TimeSpan.FromHours(1)).Taken;
        if (!taken)
        {
            return o.GitCodeLimitStatus == 400
                ? GitCodeJson.Error(400, "BAD_REQUEST", LimitMessage)
                : GitCodeJson.Error(429, "TOO_MANY_REQUESTS", LimitMessage);
        }

        state.Stats.QuotaSpent("gitcode", Redaction.Token(token));
        return await next(context);
    }

    /// <summary>GitCode documents three ways to send the token; the fake accepts each.</summary>
    public static string? TokenOf(HttpRequest request)
    {
        var header = request.Headers.Authorization.ToString();
        if (header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) && header.Length > 7)
        {
            return header[7..].Trim();
        }

        return request.Headers["PRIVATE-TOKEN"].FirstOrDefault() is { Length: > 0 } privateToken
            ? privateToken
            : request.Query["access_token"].FirstOrDefault() is { Length: > 0 } query ? query : null;
    }
}
