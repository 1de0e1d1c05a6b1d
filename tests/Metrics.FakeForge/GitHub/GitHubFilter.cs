using System.Globalization;
using Metrics.FakeForge.Core;
using Metrics.FakeForge.Faults;
using Metrics.FakeForge.Hosting;

namespace Metrics.FakeForge.GitHub;

/// <summary>
/// What GitHub does around every REST answer: User-Agent check, secondary and primary limits,
/// ETag / If-None-Match (a 304 spends nothing) and the x-ratelimit-* headers.
/// </summary>
internal sealed class GitHubFilter(ForgeState state) : IEndpointFilter
{
    private static readonly TimeSpan Window = TimeSpan.FromHours(1);

    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        if (string.IsNullOrWhiteSpace(http.Request.Headers.UserAgent))
        {
            return GitHubErrors.MissingUserAgent();
        }

        var call = GitHubCall.From(http, state);
        var limit = call.Token is null ? state.Options.GitHubAnonymousLimit : state.Options.GitHubTokenLimit;
        var quota = state.Quota.Peek("github", call.ClientKey, limit, Window);
        var faults = state.Faults.Settings;
        if (faults.MaxConcurrentPerClient > 0 && ForgeMiddleware.InFlightOf(http) > faults.MaxConcurrentPerClient)
        {
            return Decorate(GitHubErrors.SecondaryLimit(), quota);
        }

        // GET /rate_limit is free, as on GitHub.
        var free = http.Request.Path.Value?.EndsWith("/rate_limit", StringComparison.Ordinal) == true;
        if (!free && (quota.Remaining == 0 || faults.QuotaExhausted))
        {
            return Decorate(Exhausted(call), quota with { Used = limit });
        }

        var result = await next(context);
        if (result is not JsonPayload payload)
        {
            return result;
        }

        var etag = payload.Status == 200 ? payload.ETag() : null;
        if (etag is not null)
        {
            payload.Headers["ETag"] = etag;
            if (Matches(http.Request.Headers.IfNoneMatch.ToString(), etag))
            {
                payload.MakeNotModified();
                return Decorate(payload, quota);
            }
        }

        if (!free)
        {
            (var taken, quota) = state.Quota.TryTake("github", call.ClientKey, limit, Window);
            if (!taken)
            {
                return Decorate(Exhausted(call), quota);
            }

            state.Stats.QuotaSpent("github", call.ClientLabel);
        }

        return Decorate(payload, quota);
    }

    private static JsonPayload Exhausted(GitHubCall call) => GitHubErrors.PrimaryLimit(
        call.Token is not null, 1_000 + (long)(Det.Of(call.Token ?? "") % 90_000_000), call.Http.Connection.RemoteIpAddress?.ToString() ?? "127.0.0.1");

    private static JsonPayload Decorate(JsonPayload payload, QuotaState quota)
    {
        var h = payload.Headers;
        h["x-ratelimit-limit"] = quota.Limit.ToString(CultureInfo.InvariantCulture);
        h["x-ratelimit-remaining"] = quota.Remaining.ToString(CultureInfo.InvariantCulture);
        h["x-ratelimit-used"] = Math.Min(quota.Used, quota.Limit).ToString(CultureInfo.InvariantCulture);
        h["x-ratelimit-reset"] = quota.Reset.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        h["x-ratelimit-resource"] = "core";
        h["X-GitHub-Media-Type"] = "github.v3; format=json";
        h["X-GitHub-Request-Id"] = Guid.NewGuid().ToString("N")[..16].ToUpperInvariant();
        h["Cache-Control"] = "private, max-age=60, s-maxage=60";
        h["Vary"] = "Accept, Authorization, Cookie, X-GitHub-OTP";
        h["Access-Control-Expose-Headers"] = "ETag, Link, Location, Retry-After, X-GitHub-OTP, X-RateLimit-Limit, X-RateLimit-Remaining, X-RateLimit-Used, X-RateLimit-Resource, X-RateLimit-Reset, X-OAuth-Scopes, X-Accepted-OAuth-Scopes, X-Poll-Interval, X-GitHub-Media-Type, X-GitHub-SSO, X-GitHub-Request-Id, Deprecation, Sunset";
        return payload;
    }

    /// <summary>If-None-Match may list several tags, weak or strong; "*" matches anything.</summary>
    private static bool Matches(string ifNoneMatch, string etag) =>
        ifNoneMatch.Length > 0 && ifNoneMatch.Split(',').Select(t => t.Trim()).Any(t =>
            t == "*" || t == etag || (t.StartsWith("W/", StringComparison.Ordinal) && t[2..] == etag));
}
