using Refit;

namespace Metrics.Core.Forges.HuggingFace;

/// <summary>The Hub's model endpoints. downloadsAllTime comes back only when asked for with expand[].</summary>
internal interface IHubApi
{
    /// <summary>An author's models; the next page is a Link header (rel="next") carrying a cursor.</summary>
    [Get("/api/models")]
    Task<IApiResponse<HubModel[]>> ListModelsAsync(
        string author,
        int limit,
        [Query(CollectionFormat.Multi)][AliasAs("expand[]")] IEnumerable<string> expand,
        string? cursor,
        CancellationToken cancellationToken);

    [Get("/api/models/{author}/{name}")]
    Task<IApiResponse<HubModel>> GetModelAsync(
        string author,
        string name,
        [Query(CollectionFormat.Multi)][AliasAs("expand[]")] IEnumerable<string> expand,
        CancellationToken cancellationToken);
}
