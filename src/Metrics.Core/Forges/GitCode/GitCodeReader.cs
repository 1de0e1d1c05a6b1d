using System.Globalization;
using System.Net;
using Metrics.Core.Forges.Http;
using Microsoft.Extensions.Options;
using Refit;

namespace Metrics.Core.Forges.GitCode;

/// <summary>One page of a GitCode list and the page count from its total_page header, when it sent one.</summary>
internal sealed record GitCodePage<T>(IReadOnlyList<T> Items, int? TotalPages);

/// <summary>
/// Turns GitCode's answers into data or into the exceptions collection understands, and pages through lists. Some
/// GitCode lists answer any page number (the whole list again, or the last page again), so a list ends at total_page,
/// at a short or empty page, at a page equal to the one before, or at <see cref="GitCodeOptions.MaxPages"/>.
/// </summary>
internal sealed class GitCodeReader(IGitCodeApi api, IOptions<GitCodeOptions> options, TimeProvider time)
{
    public IGitCodeApi Api => api;

    public int PageSize => options.Value.PageSize;

    public async Task<GitCodeProject> RepositoryAsync(RepositoryRef repository, CancellationToken cancellationToken)
    {
        var (project, _) = await ReadAsync(() => api.GetRepositoryAsync(repository.Owner, repository.Name, cancellationToken), repository, "repository");
        return project ?? throw new MalformedAnswerException($"GitCode answered the repository {repository.FullName} with an empty body.");
    }

    public delegate Task<IApiResponse<T[]>> PageCall<T>(int page, int perPage);

    public async Task<GitCodePage<T>> PageAsync<T>(RepositoryRef repository, string what, PageCall<T> call, int page)
    {
        var (items, headers) = await ReadAsync(() => call(page, PageSize), repository, what);
        return new GitCodePage<T>(items ?? [], TotalPages(headers));
    }

    /// <summary>Every page of a list, in order.</summary>
    public async IAsyncEnumerable<IReadOnlyList<T>> PagesAsync<T>(RepositoryRef repository, string what, PageCall<T> call)
    {
        IReadOnlyList<T> previous = [];
        await using var window = new PageWindow<GitCodePage<T>>(number => PageAsync(repository, what, call, number), options.Value.RateLimit.PagesAtOnce);
        for (var page = 1; page <= options.Value.MaxPages; page++)
        {
            var current = await window.GetAsync(page);
            window.Last ??= current.TotalPages is { } total ? Math.Min(total, options.Value.MaxPages) : null;
            if (page > 1 && current.Items.Count > 0 && current.Items.SequenceEqual(previous))
            {
                yield break;
            }

            yield return current.Items;
            if (IsLast(current, page))
            {
                yield break;
            }

            previous = current.Items;
        }
    }

    public async Task<List<T>> AllAsync<T>(RepositoryRef repository, string what, PageCall<T> call)
    {
        var all = new List<T>();
        await foreach (var page in PagesAsync(repository, what, call))
        {
            all.AddRange(page);
        }

        return all;
    }

    // A longer page than asked for means the endpoint ignores paging: it was the whole list.
    private bool IsLast<T>(GitCodePage<T> current, int page) =>
        current.Items.Count == 0 || (current.TotalPages is { } total ? page >= total : current.Items.Count != PageSize);

    private async Task<(T? Content, System.Net.Http.Headers.HttpResponseHeaders? Headers)> ReadAsync<T>(
        Func<Task<IApiResponse<T>>> call, RepositoryRef repository, string what)
    {
        using var response = await RefitCalls.CallAsync(call);
        if (response.IsSuccessStatusCode)
        {
            if (RefitCalls.Malformed(response, $"GitCode answered the {what} of {repository.FullName}") is { } malformed)
            {
                throw malformed;
            }

            return (response.Content, response.Headers);
        }

        throw Failure(response, repository, what);
    }

    private Exception Failure<T>(IApiResponse<T> response, RepositoryRef repository, string what)
    {
        var body = (response.Error as ApiException)?.Content ?? "";
        return response.StatusCode switch
        {
            HttpStatusCode.NotFound => new RepositoryUnavailableException(Storage.Entities.RepositoryStatus.NotFound,
                $"GitCode has no repository {repository.FullName} (deleted, renamed or private): its stored data is kept."),
            HttpStatusCode.Unauthorized => new ForgeAnswerException(
                $"GitCode answered 401 for the {what} of {repository.FullName}: it needs a valid token (set GitCode:Token)."),
            // The limit handler already waited as long as allowed; what is left is the hourly window.
            HttpStatusCode.TooManyRequests => new RateLimitDeferredException(time.GetUtcNow() + options.Value.HourlyLimitPause),
            _ => new ForgeAnswerException($"GitCode answered {(int?)response.StatusCode} for the {what} of {repository.FullName}: {Shorten(body)}"),
        };
    }

    private static int? TotalPages(System.Net.Http.Headers.HttpResponseHeaders? headers) =>
        headers is not null && headers.TryGetValues("total_page", out var values)
        && int.TryParse(values.FirstOrDefault(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var total) ? total : null;

    private static string Shorten(string body) => body.Length > 300 ? body[..300] + "…" : body;
}
