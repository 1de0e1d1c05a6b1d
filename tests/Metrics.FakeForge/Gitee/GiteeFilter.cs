using System.Text.Json.Nodes;
using Metrics.FakeForge.Core;
using Metrics.FakeForge.Hosting;

namespace Metrics.FakeForge.Gitee;

/// <summary>Counts requests per access_token (Gitee documents no limit; an optional hourly one can be set).</summary>
internal sealed class GiteeFilter(ForgeState state) : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        var token = http.Request.Query["access_token"].FirstOrDefault();
        var client = token ?? "anonymous:" + http.Connection.RemoteIpAddress;
        var limit = state.Options.GiteeHourlyLimit > 0 ? state.Options.GiteeHourlyLimit : int.MaxValue;
        var (taken, _) = state.Faults.Settings.QuotaExhausted ? (false, null!) : state.Quota.TryTake("gitee", client, limit, TimeSpan.FromHours(1));
        if (!taken)
        {
            return JsonPayload.Json(403, new JsonObject { ["message"] = "Rate limit exceeded, please try again later" });
        }

        state.Stats.QuotaSpent("gitee", token is null ? "anonymous" : Redaction.Token(token));
        return await next(context);
    }
}
