using System.Net;
using System.Text.Json;

namespace Metrics.Core.Forges.Http;

/// <summary>
/// A 200 whose JSON stops short (the connection framing was right, the body was not) is a transient failure like a
/// 502: the pipeline retries it a bounded number of times, and never caches it. If every try is cut, the last answer
/// goes up as it is and the forge client fails the repository with "not the documented shape".
/// </summary>
internal static class CompleteJson
{
    public const string IncompleteHeader = "X-Metrics-Incomplete-Json";

    public static async Task<bool> CheckAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        if (response.StatusCode != HttpStatusCode.OK || response.Content is null
            || response.Content.Headers.ContentType?.MediaType is not { } type || !type.Contains("json", StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        var body = await response.Content.ReadAsByteArrayAsync(cancellationToken);
        if (body.Length == 0 || IsComplete(body))
        {
            return true;
        }

        response.Headers.TryAddWithoutValidation(IncompleteHeader, "1");
        return false;
    }

    public static bool IsMarked(HttpResponseMessage? response) => response?.Headers.Contains(IncompleteHeader) == true;

    private static bool IsComplete(byte[] body)
    {
        try
        {
            var reader = new Utf8JsonReader(body, new JsonReaderOptions { CommentHandling = JsonCommentHandling.Skip });
            while (reader.Read())
            {
                // Reading to the end is the check: a body cut short throws here.
            }

            return true;
        }
        catch (JsonException)
        {
            return false;
        }
    }
}
