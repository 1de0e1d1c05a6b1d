using System.Text.Json.Serialization;

namespace Metrics.Core.Forges.HuggingFace;

// Hugging Face Hub model shapes (times in UTC). They never leave this folder.

/// <summary>A model as the Hub returns it with expand[]: only the requested properties, plus _id and id.</summary>
internal sealed record HubModel(
    [property: JsonPropertyName("id")] string? Id,
    [property: JsonPropertyName("likes")] long? Likes,
    // The last 30 days, not all time.
    [property: JsonPropertyName("downloads")] long? Downloads,
    [property: JsonPropertyName("downloadsAllTime")] long? DownloadsAllTime,
    [property: JsonPropertyName("createdAt")] DateTimeOffset? CreatedAt);
