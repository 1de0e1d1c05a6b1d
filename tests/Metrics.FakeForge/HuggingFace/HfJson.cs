using System.Text.Json.Nodes;
using Metrics.FakeForge.Core;
using Metrics.FakeForge.World;

namespace Metrics.FakeForge.HuggingFace;

/// <summary>Model projections of the Hub: default list item, full=true, model_info, and expand[].</summary>
internal static class HfJson
{
    public static readonly string[] ListDefault = ["_id", "id", "likes", "trendingScore", "private", "downloads", "tags", "pipeline_tag", "library_name", "createdAt", "modelId"];

    public static readonly string[] ListFull = ["_id", "id", "author", "gated", "lastModified", "likes", "trendingScore", "private", "sha", "downloads", "tags", "pipeline_tag", "library_name", "createdAt", "modelId", "siblings"];

    public static readonly string[] Detail = ["_id", "id", "private", "pipeline_tag", "library_name", "tags", "downloads", "likes", "modelId", "author", "sha", "lastModified", "gated", "disabled", "siblings", "spaces", "createdAt"];

    /// <summary>Accepted expand[] values (hub-docs); those the fake has no data for are accepted and left out.</summary>
    public static readonly HashSet<string> Expandable =
    [
        "author", "cardData", "config", "createdAt", "disabled", "downloads", "downloadsAllTime", "gated", "inference", "inferenceProviderMapping",
        "lastModified", "library_name", "likes", "mask_token", "model-index", "pipeline_tag", "private", "safetensors", "sha", "siblings", "spaces",
        "tags", "transformersInfo", "trendingScore", "widgetData", "gguf", "resourceGroup", "xetEnabled",
    ];

    public static JsonObject Project(HfModel m, DateTimeOffset now, IEnumerable<string> fields)
    {
        var o = new JsonObject();
        foreach (var f in fields)
        {
            if (Value(m, f, now) is { } v)
            {
                o[f] = v;
            }
        }

        return o;
    }

    /// <summary>With expand[], only the listed properties come back, plus _id and id.</summary>
    public static IEnumerable<string> Expanded(IReadOnlyList<string> expand) => new[] { "_id", "id" }.Concat(expand.Where(e => e is not ("_id" or "id"))).Distinct();

    // Null means "the Hub leaves the key out" (no pipeline tag, or no data in the fake).
    private static JsonNode? Value(HfModel m, string field, DateTimeOffset now) => field switch
    {
        "_id" => m.MongoId,
        "id" or "modelId" => m.Id,
        "author" => m.Author,
        "gated" => m.Gated == "false" ? JsonValue.Create(false) : JsonValue.Create(m.Gated),
        "lastModified" => Times.HuggingFace(m.LastModified < now ? m.LastModified : m.CreatedAt),
        "createdAt" => Times.HuggingFace(m.CreatedAt),
        "likes" => m.Likes.Current(now),
        "trendingScore" => m.TrendingScore,
        "private" => m.Private,
        "disabled" => false,
        "sha" => m.Sha,
        "downloads" => m.Downloads.LastDays(now, 30),
        "downloadsAllTime" => m.Downloads.Created(now),
        "tags" => new JsonArray([.. m.Tags.Select(t => (JsonNode?)JsonValue.Create(t))]),
        "pipeline_tag" => m.PipelineTag,
        "library_name" => m.LibraryName,
        "siblings" => new JsonArray([.. m.Siblings.Select(s => (JsonNode?)new JsonObject { ["rfilename"] = s })]),
        "spaces" => new JsonArray(),
        _ => null,
    };
}
