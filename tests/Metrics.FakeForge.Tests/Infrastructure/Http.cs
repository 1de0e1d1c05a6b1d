using System.Text.Json;

namespace Metrics.FakeForge.Tests.Infrastructure;

internal static class Http
{
    public static async Task<(HttpResponseMessage Response, JsonElement Json)> GetJsonAsync(this HttpClient client, Uri url, Action<HttpRequestMessage>? configure = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        configure?.Invoke(request);
        var response = await client.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        var json = text.Length == 0 ? default : JsonDocument.Parse(text).RootElement.Clone();
        return (response, json);
    }

    public static string Header(this HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values) ? string.Join(",", values)
        : response.Content.Headers.TryGetValues(name, out var content) ? string.Join(",", content)
        : "";

    /// <summary>Link header as (rel, url) in the order the server wrote them.</summary>
    public static List<(string Rel, Uri Url)> Links(this HttpResponseMessage response) =>
        [.. response.Header("Link").Split(", <", StringSplitOptions.RemoveEmptyEntries).Select(part =>
        {
            var url = part.TrimStart('<')[..part.TrimStart('<').IndexOf('>', StringComparison.Ordinal)];
            var rel = part[(part.IndexOf("rel=\"", StringComparison.Ordinal) + 5)..].TrimEnd('"');
            return (rel, new Uri(url));
        })];

    public static Uri? Next(this HttpResponseMessage response) =>
        response.Links().Where(l => l.Rel == "next").Select(l => l.Url).FirstOrDefault();

    public static HttpClient WithToken(this HttpClient client, string scheme, string token)
    {
        client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue(scheme, token);
        return client;
    }
}
