using System.Globalization;
using System.Net;
using Metrics.Core.Collection;
using Metrics.Core.Forges.Http;
using Microsoft.Extensions.Options;
using Refit;

namespace Metrics.Core.Forges.Gitee;

/// <summary>One page of a Gitee list and the page count Gitee reported in its total_page header.</summary>
internal sealed record GiteePage<T>(IReadOnlyList<T> Items, int? TotalPages);

/// <summary>
/// Turns Gitee's answers into data or into the exceptions the collection service understands, and pages through lists
/// by total_page (falling back to "a short page is the last" where Gitee sends no total).
/// </summary>
internal sealed class GiteeReader(IGiteeApi api, IOptions<GiteeOptions> options, TimeProvider time, SecretScrubber scrubber)
{
    public IGiteeApi Api => api;

    public int PageSize => options.Value.PageSize;

    public async Task<GiteeProject> RepositoryAsync(RepositoryRef repository, CancellationToken cancellationToken)
    {
        var (project, _) = await ReadAsync(() => api.GetRepositoryAsync(repository.Owner, repository.Name, cancellationToken), repository, "repository", listing: false);
        return project ?? throw new MalformedAnswerException($"Gitee answered the repository {repository.FullName} with an empty body.");
    }

    public delegate Task<IApiResponse<T[]>> PageCall<T>(int page, int perPage);

    public async Task<GiteePage<T>> PageAsync<T>(RepositoryRef repository, string what, PageCall<T> call, int page)
    {
        var (items, headers) = await ReadAsync(() => call(page, PageSize), repository, what, listing: true);
        return new GiteePage<T>(items ?? [], TotalPages(headers));
    }

    /// <summary>Pages fetched at once once total_page is known (<see cref="RateLimitOptions.PagesAtOnce"/>).</summary>
    public int PagesAtOnce => options.Value.RateLimit.PagesAtOnce;

    public async Task<List<T>> AllAsync<T>(RepositoryRef repository, string what, PageCall<T> call)
    {
        var all = new List<T>();
        IReadOnlyList<T> previous = [];
        await using var window = new PageWindow<GiteePage<T>>(number => PageAsync(repository, what, call, number), PagesAtOnce);
        for (var page = 1; ; page++)
        {
            var current = await window.GetAsync(page);
            window.Last ??= current.TotalPages;
            // An endpoint that ignores paging answers every page with the same list: once is enough.
            if (page > 1 && current.Items.SequenceEqual(previous))
            {
                return all;
            }

            all.AddRange(current.Items);
            if (IsLast(current, page))
            {
                return all;
            }

            previous = current.Items;
        }
    }

    /// <summary>Past total_page; or, without one, a short page (or a longer one: the endpoint does not page at all).</summary>
    public bool IsLast<T>(GiteePage<T> current, int page) =>
        current.Items.Count == 0 || (current.TotalPages is { } total ? page >= total : current.Items.Count != PageSize);

    private async Task<(T? Content, System.Net.Http.Headers.HttpResponseHeaders? Headers)> ReadAsync<T>(
        Func<Task<IApiResponse<T>>> call, RepositoryRef repository, string what, bool listing)
    {
        using var response = await RefitCalls.CallAsync(call);
        if (response.IsSuccessStatusCode)
        {
            if (RefitCalls.Malformed(response, $"Gitee answered the {what} of {repository.FullName}") is { } malformed)
            {
                throw malformed;
            }

            return (response.Content, response.Headers);
        }

        return Failure(response, repository, what, listing) is { } failure ? throw failure : (default, response.Headers);
    }

    private Exception? Failure<T>(IApiResponse<T> response, RepositoryRef repository, string what, bool listing)
    {
        var body = (response.Error as ApiException)?.Content ?? "";
        return response.StatusCode switch
        {
            // Gitee answers 404 "没有相关数据" for an empty list, and "Not Found Project" for a missing repository.
            HttpStatusCode.NotFound when listing && !body.Contains("Project", StringComparison.OrdinalIgnoreCase) => null,
            HttpStatusCode.NotFound => new RepositoryUnavailableException(Storage.Entities.RepositoryStatus.NotFound,
                $"Gitee has no repository {repository.FullName} (deleted, renamed or private): its stored data is kept."),
            HttpStatusCode.Forbidden or HttpStatusCode.TooManyRequests when body.Contains("rate limit", StringComparison.OrdinalIgnoreCase) =>
                new RateLimitDeferredException(time.GetUtcNow() + options.Value.RateLimitPause),
            _ => new ForgeAnswerException(
                $"Gitee answered {(int?)response.StatusCode} for the {what} of {repository.FullName}: {scrubber.Excerpt(body)}"),
        };
    }

    private static int? TotalPages(System.Net.Http.Headers.HttpResponseHeaders? headers) =>
        headers is not null && headers.TryGetValues("total_page", out var values)
        && int.TryParse(values.FirstOrDefault(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var total) ? total : null;
}
