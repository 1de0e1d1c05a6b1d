using System.Text.Json.Serialization;

namespace Metrics.FakeForge.World;

public sealed record HfOrganization(string Name, IReadOnlyList<HfModel> Models);

public sealed record HfModel
{
    /// <summary>"org/name".</summary>
    public required string Id { get; init; }

    /// <summary>The 24-hex Mongo id the Hub returns as <c>_id</c>.</summary>
    public required string MongoId { get; init; }

    [JsonIgnore]
    public string Author => Id.Split('/')[0];

    public required DateTimeOffset CreatedAt { get; init; }

    public DateTimeOffset LastModified { get; init; }

    public required string Sha { get; init; }

    public bool Private { get; init; }

    /// <summary>false, "auto" or "manual", as the Hub writes it.</summary>
    public string Gated { get; init; } = "false";

    public string? PipelineTag { get; init; }

    public string? LibraryName { get; init; }

    public IReadOnlyList<string> Tags { get; init; } = [];

    public IReadOnlyList<string> Siblings { get; init; } = [];

    public int TrendingScore { get; init; }

    public required DailySeries Likes { get; init; }

    public required DailySeries Downloads { get; init; }
}
