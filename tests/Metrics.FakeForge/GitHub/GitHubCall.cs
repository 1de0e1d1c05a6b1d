using Metrics.FakeForge.Hosting;

namespace Metrics.FakeForge.GitHub;

/// <summary>One GitHub request as the handlers see it: who asks, from which base URL, at what time.</summary>
internal sealed record GitHubCall(HttpContext Http, ForgeState State, string Api, string? Token, DateTimeOffset Now)
{
    public HttpRequest Request => Http.Request;

    /// <summary>Tokens the world lists with push access see drafts and get push permissions.</summary>
    public bool Push => Token is not null && State.World.PushTokens.Contains(Token);

    /// <summary>Quota key: the token, or the caller's address for anonymous requests.</summary>
    public string ClientKey => Token ?? "anonymous:" + Http.Connection.RemoteIpAddress;

    public string ClientLabel => Token is null ? "anonymous" : Core.Redaction.Token(Token);

    public static GitHubCall From(HttpContext http, ForgeState state) =>
        new(http, state, ApiBase(http), TokenOf(http.Request), state.Now);

    public static string ApiBase(HttpContext http) => $"{http.Request.Scheme}://{http.Request.Host}{http.Request.PathBase}/github";

    /// <summary>Authorization: "token X" or "Bearer X", as GitHub accepts both.</summary>
    public static string? TokenOf(HttpRequest request)
    {
        var header = request.Headers.Authorization.ToString();
        foreach (var scheme in new[] { "token ", "bearer " })
        {
            if (header.StartsWith(scheme, StringComparison.OrdinalIgnoreCase) && header.Length > scheme.Length)
            {
                return header[scheme.Length..].Trim();
            }
        }

        return null;
    }
}
