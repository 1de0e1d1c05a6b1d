using System.Buffers;
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

        // The body is buffered already (read whole inside the in-flight limit): read it from there into a pooled array
        // instead of a fresh copy per answer.
        // The content hands out one stream over its buffer (never disposed here, and rewound after: the client reads it next).
        var stream = await response.Content.ReadAsStreamAsync(cancellationToken);
        if (!stream.CanSeek)
        {
            var copy = await response.Content.ReadAsByteArrayAsync(cancellationToken);
            return copy.Length == 0 || IsComplete(copy);
        }

        var length = (int)stream.Length;
        var body = ArrayPool<byte>.Shared.Rent(length);
        try
        {
            stream.Position = 0;
            await stream.ReadExactlyAsync(body.AsMemory(0, length), cancellationToken);
            if (length == 0 || IsComplete(body.AsSpan(0, length)))
            {
                return true;
            }
        }
        finally
        {
            stream.Position = 0;
            ArrayPool<byte>.Shared.Return(body);
        }

        response.Headers.TryAddWithoutValidation(IncompleteHeader, "1");
        return false;
    }

    public static bool IsMarked(HttpResponseMessage? response) => response?.Headers.Contains(IncompleteHeader) == true;

    private static bool IsComplete(ReadOnlySpan<byte> body)
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
