using System.Text.Json.Serialization;

namespace Metrics.Core.Forges.GitHub;

// Shapes of the endpoints Octokit does not wrap, read with System.Text.Json. They never leave this folder.

internal sealed record StarHistoryWeek(
    [property: JsonPropertyName("week")] long Week,
    [property: JsonPropertyName("total")] long Total,
    [property: JsonPropertyName("days")] long[] Days);

internal sealed record ContributorItem(
    [property: JsonPropertyName("login")] string? Login,
    [property: JsonPropertyName("type")] string? Type,
    [property: JsonPropertyName("contributions")] long Contributions,
    [property: JsonPropertyName("email")] string? Email,
    [property: JsonPropertyName("name")] string? Name);

internal sealed record ContributorStats(
    [property: JsonPropertyName("author")] StatsAuthor? Author,
    [property: JsonPropertyName("total")] long Total,
    [property: JsonPropertyName("weeks")] StatsWeek[] Weeks);

internal sealed record StatsAuthor([property: JsonPropertyName("login")] string? Login);

internal sealed record StatsWeek(
    [property: JsonPropertyName("w")] long Week,
    [property: JsonPropertyName("c")] long Commits);
