using System.Net;
using System.Text.Json;
using Octokit;

namespace Metrics.Core.Forges.GitHub;

internal sealed record RawPage<T>(HttpStatusCode Status, T? Body, Uri? Next, Uri? Last);

/// <summary>GETs through Octokit's connection for endpoints it does not wrap; same credentials, same pipeline.</summary>
internal sealed class GitHubRaw(IConnection connection)
{
    public async Task<RawPage<T>> GetAsync<T>(Uri uri, IDictionary<string, string>? parameters)
    {
        var response = await connection.GetRaw(uri, parameters ?? new Dictionary<string, string>());
        var status = response.HttpResponse.StatusCode;
        var links = response.HttpResponse.ApiInfo?.Links ?? new Dictionary<string, Uri>();
        var body = default(T);
        // Octokit keeps a JSON body as text on the underlying response and only fills Body for binary content.
        var text = response.HttpResponse.Body switch
        {
            string json => json,
            byte[] bytes => System.Text.Encoding.UTF8.GetString(bytes),
            _ => null,
        };
        if (status == HttpStatusCode.OK && !string.IsNullOrEmpty(text))
        {
            try
            {
                body = JsonSerializer.Deserialize<T>(text);
            }
            catch (JsonException e)
            {
                throw new MalformedAnswerException($"GitHub answered {uri.OriginalString} with JSON that is not the documented shape: {e.Message}", e);
            }
        }

        return new RawPage<T>(status, body, links.GetValueOrDefault("next"), links.GetValueOrDefault("last"));
    }

    /// <summary>The page number a Link URL points at (GitHub's rel="last" tells how many pages there are).</summary>
    public static int? PageOf(Uri? link)
    {
        if (link is null)
        {
            return null;
        }

        var query = System.Web.HttpUtility.ParseQueryString(link.Query);
        return int.TryParse(query["page"], out var page) ? page : null;
    }
}
