using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using Metrics.FakeForge.Core;
using Metrics.FakeForge.Hosting;
using Metrics.FakeForge.World;

namespace Metrics.FakeForge.HuggingFace;

/// <summary>Hugging Face Hub model endpoints under /hf/.</summary>
public static class HfEndpoints
{
    private const int MaxLimit = 1_000;

    public static IEndpointRouteBuilder MapHuggingFace(this IEndpointRouteBuilder app)
    {
        var g = app.MapGroup("/hf/api").AddEndpointFilter<HfFilter>();
        g.MapGet("/models", List);
        g.MapGet("/models/{org}/{name}", (HttpContext http, ForgeState state, string org, string name) =>
        {
            if (state.World.FindModel(org, name) is not { } model)
            {
                return JsonPayload.Json(404, new JsonObject { ["error"] = "Repository not found" }).WithHeader("X-Error-Code", "RepoNotFound");
            }

            var expand = Expand(http.Request);
            if (expand.FirstOrDefault(e => !HfJson.Expandable.Contains(e)) is { } bad)
            {
                return BadRequest($"\"expand\" value \"{bad}\" is not supported");
            }

            return JsonPayload.Ok(HfJson.Project(model, state.Now, expand.Count > 0 ? HfJson.Expanded(expand) : HfJson.Detail));
        });
        g.MapGet("/{**rest}", () => JsonPayload.Json(404, new JsonObject { ["error"] = "Not Found" }));
        return app;
    }

    private static JsonPayload List(HttpContext http, ForgeState state)
    {
        var q = http.Request.Query;
        var expand = Expand(http.Request);
        var full = q["full"].ToString() is "true" or "1" or "True";
        if (expand.Count > 0 && (full || q.ContainsKey("config") || q.ContainsKey("cardData")))
        {
            return BadRequest("\"expand\" cannot be used if \"full\", \"cardData\" or \"config\" are passed");
        }

        var now = state.Now;
        var author = q["author"].ToString();
        var search = q["search"].ToString();
        var models = state.World.HuggingFace.SelectMany(o => o.Models)
            .Where(m => author.Length == 0 || string.Equals(m.Author, author, StringComparison.OrdinalIgnoreCase))
            .Where(m => search.Length == 0 || m.Id.Contains(search, StringComparison.OrdinalIgnoreCase));
        var sorted = Sort(models, q["sort"].ToString(), q["direction"].ToString(), now).ToList();

        var limit = PageRequest.Int(http.Request, "limit") is > 0 and var l ? Math.Min(l, MaxLimit) : MaxLimit;
        var offset = Cursor(q["cursor"].ToString());
        var fields = expand.Count > 0 ? HfJson.Expanded(expand).ToArray() : full ? HfJson.ListFull : HfJson.ListDefault;
        var page = sorted.Skip(offset).Take(limit).Select(m => (JsonNode)HfJson.Project(m, now, fields));
        var payload = JsonPayload.Ok(new JsonArray([.. page]));
        if (offset + limit < sorted.Count)
        {
            var kept = q.Where(p => p.Key != "cursor").SelectMany(p => p.Value.Select(v => $"{Uri.EscapeDataString(p.Key)}={Uri.EscapeDataString(v ?? "")}"));
            var next = string.Join("&", kept.Append("cursor=" + MakeCursor(offset + limit)));
            payload.WithHeader("Link", $"<{http.Request.Scheme}://{http.Request.Host}/hf/api/models?{next}>; rel=\"next\"");
        }

        return payload;
    }

    /// <summary>With sort, descending unless direction=1; without, trending first.</summary>
    private static IEnumerable<HfModel> Sort(IEnumerable<HfModel> models, string sort, string direction, DateTimeOffset now)
    {
        Func<HfModel, double> key = sort switch
        {
            "downloads" => m => m.Downloads.LastDays(now, 30),
            "likes" => m => m.Likes.Current(now),
            "createdAt" => m => m.CreatedAt.ToUnixTimeSeconds(),
            "lastModified" => m => m.LastModified.ToUnixTimeSeconds(),
            _ => m => m.TrendingScore,
        };
        return direction == "1" ? models.OrderBy(key).ThenBy(m => m.Id, StringComparer.Ordinal) : models.OrderByDescending(key).ThenBy(m => m.Id, StringComparer.Ordinal);
    }

    private static List<string> Expand(HttpRequest request) =>
        [.. request.Query["expand[]"].Concat(request.Query["expand"]).Where(v => !string.IsNullOrEmpty(v)).Select(v => v!)];

    private static string MakeCursor(int offset) =>
        Convert.ToBase64String(Encoding.UTF8.GetBytes($"{{\"$offset\":{offset}}}")).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    private static int Cursor(string cursor)
    {
        if (cursor.Length == 0)
        {
            return 0;
        }

        try
        {
            var b64 = cursor.Replace('-', '+').Replace('_', '/');
            var text = Encoding.UTF8.GetString(Convert.FromBase64String(b64.PadRight(b64.Length + ((4 - (b64.Length % 4)) % 4), '=')));
            return int.Parse(text.Split(':')[1].TrimEnd('}'), CultureInfo.InvariantCulture);
        }
        catch (FormatException)
        {
            return 0;
        }
    }

    private static JsonPayload BadRequest(string error) => JsonPayload.Json(400, new JsonObject { ["error"] = error });
}
