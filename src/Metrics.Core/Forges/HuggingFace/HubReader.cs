using System.Net;
using System.Text.RegularExpressions;
using Metrics.Core.Forges.Http;
using Microsoft.Extensions.Options;
using Refit;

namespace Metrics.Core.Forges.HuggingFace;

/// <summary>Reads the Hub: an author's models page by page, or one model; failures become the service's exceptions.</summary>
internal sealed partial class HubReader(IHubApi api, IOptions<HuggingFaceOptions> options, TimeProvider time)
{
    /// <summary>Asked for explicitly: the list's default projection has no downloadsAllTime, and expand[] returns only these.</summary>
    public static readonly string[] Expand = ["likes", "downloads", "downloadsAllTime", "createdAt"];

    public async Task<List<HubModel>> ListAsync(RepositoryRef organization, CancellationToken cancellationToken)
    {
        var models = new List<HubModel>();
        string? cursor = null;
        while (true)
        {
            var response = await ReadAsync(() => api.ListModelsAsync(organization.Owner, options.Value.PageSize, Expand, cursor, cancellationToken), organization);
            using (response)
            {
                models.AddRange(response.Content ?? []);
                var next = NextCursor(response, organization);
                if (next is null)
                {
                    return models;
                }

                if (next == cursor)
                {
                    throw new MalformedAnswerException($"Hugging Face pointed the model list of {organization.FullName} back at the same page.");
                }

                cursor = next;
            }
        }
    }

    public async Task<HubModel> ModelAsync(RepositoryRef model, CancellationToken cancellationToken)
    {
        using var response = await ReadAsync(() => api.GetModelAsync(model.Owner, model.Name, Expand, cancellationToken), model);
        return response.Content ?? throw new MalformedAnswerException($"Hugging Face answered the model {model.FullName} with an empty body.");
    }

    private async Task<IApiResponse<T>> ReadAsync<T>(Func<Task<IApiResponse<T>>> call, RepositoryRef repository)
    {
        var response = await RefitCalls.CallAsync(call);
        if (RefitCalls.Malformed(response, $"Hugging Face answered {repository.FullName}") is { } malformed)
        {
            response.Dispose();
            throw malformed;
        }

        if (!response.IsSuccessStatusCode)
        {
            var failure = Failure(response, repository);
            response.Dispose();
            throw failure;
        }

        return response;
    }

    private Exception Failure<T>(IApiResponse<T> response, RepositoryRef repository)
    {
        var body = (response.Error as ApiException)?.Content ?? "";
        return response.StatusCode switch
        {
            HttpStatusCode.NotFound or HttpStatusCode.Unauthorized => new RepositoryUnavailableException(Storage.Entities.RepositoryStatus.NotFound,
                $"Hugging Face has no public {repository.FullName} (deleted, renamed or private): its stored data is kept."),
            HttpStatusCode.TooManyRequests => new RateLimitDeferredException(time.GetUtcNow() + TimeSpan.FromMinutes(5)),
            _ => new ForgeAnswerException(
                $"Hugging Face answered {(int?)response.StatusCode} for {repository.FullName}: {(body.Length > 300 ? body[..300] + "…" : body)}"),
        };
    }

    private static string? NextCursor<T>(IApiResponse<T> response, RepositoryRef organization)
    {
        if (response.Headers is null || !response.Headers.TryGetValues("Link", out var links) || NextLink().Match(string.Join(",", links)) is not { Success: true } next)
        {
            return null;
        }

        var query = System.Web.HttpUtility.ParseQueryString(new Uri(next.Groups[1].Value, UriKind.Absolute).Query);
        return query["cursor"] is { Length: > 0 } cursor
            ? cursor
            : throw new MalformedAnswerException($"Hugging Face's next page of {organization.FullName} carries no cursor; the list would be cut short.");
    }

    [GeneratedRegex("<([^>]+)>\\s*;\\s*rel=\"?next\"?", RegexOptions.IgnoreCase)]
    private static partial Regex NextLink();
}
