using System.Text.Json.Serialization;

namespace Metrics.Core.Forges.GitCode;

// GitCode API v5 shapes. Only the fields the collector reads; owner ids are strings there, so none is read. They never
// leave this folder.

internal sealed record GitCodeProject(
    [property: JsonPropertyName("id")] long Id,
    [property: JsonPropertyName("full_name")] string? FullName,
    [property: JsonPropertyName("stargazers_count")] long StargazersCount,
    [property: JsonPropertyName("forks_count")] long ForksCount,
    // Watches (subscribers), not stars.
    [property: JsonPropertyName("watchers_count")] long WatchersCount,
    [property: JsonPropertyName("open_issues_count")] long OpenIssuesCount,
    // Not in the documented single-repository answer; read when present.
    [property: JsonPropertyName("pushed_at")] DateTimeOffset? PushedAt,
    [property: JsonPropertyName("created_at")] DateTimeOffset? CreatedAt,
    // The clone URL for the git history step; html_url (the web page, which git also clones from) when absent.
    [property: JsonPropertyName("http_url_to_repo")] string? HttpUrlToRepo = null,
    [property: JsonPropertyName("html_url")] string? HtmlUrl = null);

internal sealed record GitCodeStargazer([property: JsonPropertyName("starred_at")] DateTimeOffset? StarredAt);

internal sealed record GitCodeContributor(
    [property: JsonPropertyName("email")] string? Email,
    [property: JsonPropertyName("name")] string? Name,
    [property: JsonPropertyName("contributions")] long Contributions);

internal sealed record GitCodeRelease(
    [property: JsonPropertyName("tag_name")] string? TagName,
    [property: JsonPropertyName("name")] string? Name,
    [property: JsonPropertyName("prerelease")] bool Prerelease,
    [property: JsonPropertyName("draft")] bool? Draft,
    [property: JsonPropertyName("created_at")] DateTimeOffset? CreatedAt);

internal sealed record GitCodeTag([property: JsonPropertyName("name")] string? Name);
