using System.Text.Json;
using Metrics.FakeForge.Tests.Infrastructure;

namespace Metrics.FakeForge.Tests.GitHub;

public sealed class ReleaseTests(ServerFixture fixture) : IClassFixture<ServerFixture>
{
    [Fact]
    public async Task Drafts_are_listed_only_for_tokens_with_push_access()
    {
        using var pusher = fixture.Server.CreateClient().WithToken("token", "fake-push-token");
        var (_, plain) = await fixture.Client.GetJsonAsync(fixture.GitHub("repos/fake-old/legacy/releases?per_page=100"));
        var (_, withPush) = await pusher.GetJsonAsync(fixture.GitHub("repos/fake-old/legacy/releases?per_page=100"));
        var draft = withPush.EnumerateArray().Single(r => r.GetProperty("draft").GetBoolean());

        Assert.DoesNotContain(plain.EnumerateArray(), r => r.GetProperty("draft").GetBoolean());
        Assert.Equal(plain.GetArrayLength() + 1, withPush.GetArrayLength());
        Assert.Equal(JsonValueKind.Null, draft.GetProperty("published_at").ValueKind);
        Assert.Equal(fixture.Server.Truth.GitHubReleases("fake-old", "legacy").Count, plain.GetArrayLength());
    }

    [Fact]
    public async Task Releases_page_and_carry_asset_download_counts_matching_the_truth()
    {
        var all = new List<JsonElement>();
        for (Uri? next = fixture.GitHub("repos/fake-huge/star250k/releases"); next is not null;)
        {
            var (response, page) = await fixture.Client.GetJsonAsync(next);
            Assert.InRange(page.GetArrayLength(), 1, 30);
            all.AddRange(page.EnumerateArray());
            next = response.Next();
        }

        var truth = fixture.Server.Truth.GitHubReleases("fake-huge", "star250k");
        var downloads = all.Select(r => (r.GetProperty("tag_name").GetString()!, r.GetProperty("assets").EnumerateArray().Sum(a => a.GetProperty("download_count").GetInt64())));

        Assert.Equal(60, all.Count);
        Assert.Equal(truth.Releases.Select(r => (r.Tag, r.Downloads)), downloads);
        Assert.Contains(all, r => r.GetProperty("prerelease").GetBoolean());
    }

    [Fact]
    public async Task Tags_have_no_dates_and_include_tags_without_releases()
    {
        var (_, tags) = await fixture.Client.GetJsonAsync(fixture.GitHub("repos/fake-old/legacy/tags?per_page=100"));
        var names = tags.EnumerateArray().Select(t => t.GetProperty("name").GetString()).ToList();

        Assert.Contains("nightly-1", names);
        Assert.All(tags.EnumerateArray(), t => Assert.DoesNotContain(t.EnumerateObject(), p => p.Name.Contains("date", StringComparison.Ordinal)));
        Assert.All(tags.EnumerateArray(), t => Assert.Matches("^[0-9a-f]{40}$", t.GetProperty("commit").GetProperty("sha").GetString()));
    }
}
