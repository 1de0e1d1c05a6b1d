using System.Globalization;
using System.Text.Json.Nodes;
using Metrics.FakeForge.Core;
using Metrics.FakeForge.GitHub;
using Metrics.FakeForge.Hosting;

namespace Metrics.FakeForge.HuggingFace;

/// <summary>The Hub's "api" bucket: fixed five-minute windows, 429 when spent, IETF RateLimit headers always.</summary>
internal sealed class HfFilter(ForgeState state) : IEndpointFilter
{
    private static readonly TimeSpan Window = TimeSpan.FromMinutes(5);

    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        var token = GitHubCall.TokenOf(http.Request);
        var client = token ?? "anonymous:" + http.Connection.RemoteIpAddress;
        var limit = token is null ? state.Options.HuggingFaceAnonymousLimit : state.Options.HuggingFaceTokenLimit;
        var (taken, quota) = state.Quota.TryTake("hf", client, limit, Window);
        if (!taken || state.Faults.Settings.QuotaExhausted)
        {
            return Decorate(JsonPayload.Json(429, new JsonObject { ["error"] = "You have exceeded our rate limit for the api bucket. Please retry later." }), quota with { Used = limit }, state.Now);
        }

        state.Stats.QuotaSpent("hf", token is null ? "anonymous" : Redaction.Token(token));
        var result = await next(context);
        return result is JsonPayload payload ? Decorate(payload, quota, state.Now) : result;
    }

    private static JsonPayload Decorate(JsonPayload payload, QuotaState quota, DateTimeOffset now)
    {
        var seconds = Math.Max(0, (int)Math.Ceiling((quota.Reset - now).TotalSeconds));
        payload.Headers["RateLimit"] = string.Create(CultureInfo.InvariantCulture, $"\"api\";r={quota.Remaining};t={seconds}");
        payload.Headers["RateLimit-Policy"] = string.Create(CultureInfo.InvariantCulture, $"\"fixed window\";\"api\";q={quota.Limit};w={(int)Window.TotalSeconds}");
        return payload;
    }
}
