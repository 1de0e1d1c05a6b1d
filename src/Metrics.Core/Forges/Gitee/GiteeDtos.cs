using System.Text.Json.Serialization;

namespace Metrics.Core.Forges.Gitee;

// Gitee API v5 shapes (times carry +08:00). They never leave this folder.

internal sealed record GiteeProject(
    [property: JsonPropertyName("id")] long Id,
    [property: JsonPropertyName("full_name")] string? FullName,
    [property: JsonPropertyName("stargazers_count")] long StargazersCount,
    [property: JsonPropertyName("forks_count")] long ForksCount,
    // Watches, not stars: Gitee counts the two separately.
    [property: JsonPropertyName("watchers_count")] long WatchersCount,
    [property: JsonPropertyName("open_issues_count")] long OpenIssuesCount,
    [property: JsonPropertyName("pushed_at")] DateTimeOffset? PushedAt,
    [property: JsonPropertyName("created_at")] DateTimeOffset? CreatedAt,
    // Gitee's html_url is the clone URL (it ends in .git).
    [property: JsonPropertyName("html_url")] string? HtmlUrl = null);

internal sealed record GiteeStargazer([property: JsonPropertyName("star_at")] DateTimeOffset? StarAt);

internal sealed record GiteeContributor(
    [property: JsonPropertyName("email")] string? Email,
    [property: JsonPropertyName("name")] string? Name,
    [property: JsonPropertyName("contributions")] long Contributions);

internal sealed record GiteeRelease(
    [property: JsonPropertyName("tag_name")] string? TagName,
    [property: JsonPropertyName("name")] string? Name,
    [property: JsonPropertyName("prerelease")] bool Prerelease,
    [property: JsonPropertyName("created_at")] DateTimeOffset? CreatedAt);

internal sealed record GiteeTag([property: JsonPropertyName("name")] string? Name);
