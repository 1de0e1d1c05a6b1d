using System.Security.Cryptography;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Metrics.FakeForge.Core;

/// <summary>
/// An answer held as bytes until the last moment, so the forge filters can hash it for an ETag,
/// swap it for a 304, and the fault layer can cut it short.
/// </summary>
public sealed class JsonPayload(int status, byte[]? body, string contentType = "application/json; charset=utf-8") : IResult
{
    public const string TruncateItem = "fake-forge.truncate";

    /// <summary>Set once a body has actually been cut (a 304 or 204 has nothing to cut).</summary>
    public const string TruncatedItem = "fake-forge.truncated";

    /// <summary>Asks for a 200 whose JSON is cut short with a Content-Length that matches: framing fine, JSON not.</summary>
    public const string CutBodyItem = "fake-forge.cut-body";

    /// <summary>Set once a 200's JSON body has actually been cut that way.</summary>
    public const string CutItem = "fake-forge.cut";

    // The forges write "{+path}" and Chinese text unescaped.
    private static readonly JsonSerializerOptions Compact = new() { WriteIndented = false, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public int Status { get; private set; } = status;

    public byte[]? Body { get; private set; } = body;

    public Dictionary<string, string> Headers { get; } = new(StringComparer.OrdinalIgnoreCase);

    public static JsonPayload Json(int status, JsonNode? node) =>
        new(status, Encoding.UTF8.GetBytes(node?.ToJsonString(Compact) ?? "null"));

    public static JsonPayload Ok(JsonNode? node) => Json(200, node);

    public static JsonPayload Empty(int status) => new(status, null);

    public static JsonPayload Text(int status, string text) => new(status, Encoding.UTF8.GetBytes(text), "text/plain; charset=utf-8");

    public JsonPayload WithHeader(string name, string value)
    {
        Headers[name] = value;
        return this;
    }

    /// <summary>Strong validator: a quoted SHA-256 of the body.</summary>
    public string? ETag() => Body is null ? null : "\"" + Convert.ToHexStringLower(SHA256.HashData(Body)) + "\"";

    public void MakeNotModified()
    {
        Status = StatusCodes.Status304NotModified;
        Body = null;
    }

    public async Task ExecuteAsync(HttpContext httpContext)
    {
        var response = httpContext.Response;
        response.StatusCode = Status;
        foreach (var (name, value) in Headers)
        {
            response.Headers[name] = value;
        }

        if (Body is null)
        {
            return;
        }

        response.ContentType = contentType;
        if (Status == StatusCodes.Status200OK && httpContext.Items.ContainsKey(CutBodyItem) && Body.Length > 1)
        {
            // The client is told the truth about the length: only the JSON inside is incomplete.
            response.Headers["X-Fake-Fault"] = "cut-body";
            response.ContentLength = Body.Length / 2;
            httpContext.Items[CutItem] = true;
            await response.Body.WriteAsync(Body.AsMemory(0, Body.Length / 2), httpContext.RequestAborted);
            return;
        }

        response.ContentLength = Body.Length;
        if (httpContext.Items.ContainsKey(TruncateItem) && Body.Length > 1)
        {
            // Promise the whole body, send half, then drop the connection: a client sees a premature end.
            // Marked before the first byte goes out, so the statistics name it when the response starts.
            httpContext.Items[TruncatedItem] = true;
            await response.Body.WriteAsync(Body.AsMemory(0, Body.Length / 2), httpContext.RequestAborted);
            await response.Body.FlushAsync(httpContext.RequestAborted);
            httpContext.Abort();
            return;
        }

        await response.Body.WriteAsync(Body, httpContext.RequestAborted);
    }
}
