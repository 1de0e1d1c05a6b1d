using System.Text.Json.Nodes;
using Metrics.FakeForge.Core;

namespace Metrics.FakeForge.GitHub;

/// <summary>GitHub's error bodies, worded as captured from the real API.</summary>
internal static class GitHubErrors
{
    public const string RateLimitDocs = "https://docs.github.com/rest/overview/resources-in-the-rest-api#rate-limiting";

    public static JsonPayload NotFound(string documentationUrl) => JsonPayload.Json(404, new JsonObject
    {
        ["message"] = "Not Found",
        ["documentation_url"] = documentationUrl,
        ["status"] = "404",
    });

    public static JsonPayload Moved(string location) => JsonPayload.Json(301, new JsonObject
    {
        ["message"] = "Moved Permanently",
        ["url"] = location,
        ["documentation_url"] = "https://docs.github.com/v3/#http-redirects",
    }).WithHeader("Location", location);

    public static JsonPayload Blocked(World.BlockInfo block) => JsonPayload.Json(451, new JsonObject
    {
        ["message"] = "Repository access blocked",
        ["block"] = new JsonObject
        {
            ["reason"] = block.Reason,
            ["created_at"] = Times.GitHub(block.CreatedAt),
            ["html_url"] = block.HtmlUrl,
        },
    });

    public static JsonPayload PrimaryLimit(bool authenticated, long userId, string ip) => JsonPayload.Json(403, new JsonObject
    {
        ["message"] = authenticated
            ? $"API rate limit exceeded for user ID {userId}."
            : $"API rate limit exceeded for {ip}. (But here's the good news: Authenticated requests get a higher rate limit. Check out the documentation for more details.)",
        ["documentation_url"] = RateLimitDocs,
    });

    public static JsonPayload SecondaryLimit() => JsonPayload.Json(403, new JsonObject
    {
        ["message"] = "You have exceeded a secondary rate limit. Please wait a few minutes before you try again.",
    }).WithHeader("retry-after", "60");

    public static JsonPayload FineGrainedPatForbidden() => JsonPayload.Json(403, new JsonObject
    {
        ["message"] = "Resource not accessible by personal access token",
    }).WithHeader("x-accepted-github-permissions", "metadata=read; contents=write");

    public static JsonPayload PaginationLimited() => JsonPayload.Json(422, new JsonObject
    {
        ["message"] = "In order to keep the API fast for everyone, pagination is limited for this resource. Check the rel=last link relation in the Link response header to see how far back you can traverse.",
        ["documentation_url"] = "https://docs.github.com/v3/#pagination",
    });

    public static JsonPayload MissingUserAgent() => JsonPayload.Text(
        403,
        "Request forbidden by administrative rules. Please make sure your request has a User-Agent header (https://docs.github.com/en/rest/overview/resources-in-the-rest-api#user-agent-required). Check https://developer.github.com for other possible causes.\n");
}
