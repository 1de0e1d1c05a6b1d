using System.Net;
using System.Text.Json;
using Metrics.FakeForge.Hosting;
using Metrics.FakeForge.Tests.Infrastructure;

namespace Metrics.FakeForge.Tests.HuggingFace;

public sealed class HfTests(ServerFixture fixture) : IClassFixture<ServerFixture>
{
    [Fact]
    public async Task Model_info_has_30_day_downloads_and_all_time_downloads_only_when_expanded()
    {
        var (_, plain) = await fixture.Client.GetJsonAsync(fixture.Hf("api/models/fake-hf-org/model-3-12b"));
        var (_, expanded) = await fixture.Client.GetJsonAsync(fixture.Hf("api/models/fake-hf-org/model-3-12b?expand[]=downloads&expand[]=downloadsAllTime"));
        var truth = fixture.Server.Truth.HuggingFaceModel("fake-hf-org", "model-3-12b");

        Assert.False(plain.TryGetProperty("downloadsAllTime", out _));
        Assert.Equal(truth.Downloads, plain.GetProperty("downloads").GetInt32());
        Assert.Equal(truth.Likes, plain.GetProperty("likes").GetInt32());
        Assert.Matches(@"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.000Z$", plain.GetProperty("createdAt").GetString());
        Assert.Equal(["_id", "downloads", "downloadsAllTime", "id"], expanded.EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal));
        Assert.Equal(truth.DownloadsAllTime, expanded.GetProperty("downloadsAllTime").GetInt32());
        Assert.True(truth.DownloadsAllTime > truth.Downloads);
    }

    [Fact]
    public async Task Listing_an_author_pages_with_a_cursor_in_the_Link_header()
    {
        var ids = new List<string>();
        var pages = 0;
        for (Uri? next = fixture.Hf("api/models?author=fake-hf-org&limit=3"); next is not null; pages++)
        {
            var (response, page) = await fixture.Client.GetJsonAsync(next);
            Assert.InRange(page.GetArrayLength(), 1, 3);
            ids.AddRange(page.EnumerateArray().Select(m => m.GetProperty("id").GetString()!));
            next = response.Next();
            Assert.True(next is null || next.Query.Contains("cursor=", StringComparison.Ordinal));
        }

        Assert.Equal(3, pages);
        Assert.Equal(fixture.Server.World.FindOrganization("fake-hf-org")!.Models.Select(m => m.Id).Order(), ids.Order());
        Assert.Equal(fixture.Server.Truth.HuggingFaceOrganization("fake-hf-org").Models, ids.Distinct().Count());
    }

    [Fact]
    public async Task List_items_use_the_default_projection_and_full_adds_fields()
    {
        var (_, plain) = await fixture.Client.GetJsonAsync(fixture.Hf("api/models?author=fake-hf-org"));
        var (_, full) = await fixture.Client.GetJsonAsync(fixture.Hf("api/models?author=fake-hf-org&full=true"));
        string[] defaults = ["_id", "id", "likes", "trendingScore", "private", "downloads", "tags", "pipeline_tag", "library_name", "createdAt", "modelId"];
        string[] extra = ["author", "sha", "lastModified", "gated", "siblings"];

        Assert.All(plain.EnumerateArray(), m => Assert.Subset(defaults.ToHashSet(), Names(m)));
        Assert.All(plain.EnumerateArray(), m => Assert.DoesNotContain("author", Names(m)));
        Assert.All(full.EnumerateArray(), m => Assert.Superset(extra.ToHashSet(), Names(m)));
    }

    [Fact]
    public async Task Expand_cannot_be_combined_with_full()
    {
        var (response, body) = await fixture.Client.GetJsonAsync(fixture.Hf("api/models?author=fake-hf-org&full=true&expand[]=likes"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(JsonValueKind.String, body.GetProperty("error").ValueKind);
    }

    [Fact]
    public async Task Full_list_item_matches_the_example_shape()
    {
        var model = fixture.Server.World.HuggingFace.SelectMany(o => o.Models).First(m => m.PipelineTag is not null && m.LibraryName is not null);
        var (_, list) = await fixture.Client.GetJsonAsync(fixture.Hf($"api/models?search={model.Id}&full=true"));

        Shape.Matches(list[0], """
            _id:s id:s author:s gated:b|s lastModified:s likes:n trendingScore:n private:b sha:s downloads:n tags:a pipeline_tag:s
            library_name:s createdAt:s modelId:s siblings:a
            """);
        Shape.Matches(list[0].GetProperty("siblings")[0], "rfilename:s");
    }

    [Fact]
    public async Task A_spent_quota_answers_429_with_RateLimit_headers_until_the_five_minute_window_ends()
    {
        await using var server = await FakeForgeServer.StartAsync(new FakeForgeOptions { HuggingFaceAnonymousLimit = 2 });
        using var client = server.CreateClient();
        var url = new Uri(server.HuggingFaceUrl, "api/models/fake-hf-solo/ancient-bert");

        var first = await client.GetAsync(url);
        await client.GetAsync(url);
        var limited = await client.GetAsync(url);
        server.AdvanceClock(TimeSpan.FromMinutes(5));
        var later = await client.GetAsync(url);

        Assert.Equal("\"api\";r=1;t=300", first.Header("RateLimit"));
        Assert.Equal((HttpStatusCode)429, limited.StatusCode);
        Assert.Equal("\"api\";r=0;t=300", limited.Header("RateLimit"));
        Assert.Equal("\"fixed window\";\"api\";q=2;w=300", limited.Header("RateLimit-Policy"));
        Assert.Equal(HttpStatusCode.OK, later.StatusCode);
    }

    [Fact]
    public async Task The_oldest_models_report_the_hub_epoch_as_creation_date()
    {
        var (_, model) = await fixture.Client.GetJsonAsync(fixture.Hf("api/models/fake-hf-solo/ancient-bert?expand[]=createdAt"));

        Assert.Equal("2022-03-02T23:29:04.000Z", model.GetProperty("createdAt").GetString());
    }

    private static HashSet<string> Names(JsonElement e) => [.. e.EnumerateObject().Select(p => p.Name)];
}
