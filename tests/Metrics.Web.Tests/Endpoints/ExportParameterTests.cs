using System.Net;
using System.Text.Json;
using Metrics.Core.Storage;
using Metrics.Core.Storage.Entities;
using Metrics.Testing;

namespace Metrics.Web.Tests.Endpoints;

/// <summary>A dataset export never quietly ignores what it was asked: a bad parameter is a 400 naming it.</summary>
public sealed class ExportParameterTests(DashboardWorld world) : IClassFixture<DashboardWorld>
{
    [Theory]
    [InlineData("/export/stars.csv?from=2024-13-45", "from", "2024-13-45")]
    [InlineData("/export/stars.csv?to=yesterday", "to", "yesterday")]
    [InlineData("/export/snapshots.csv?from=2024-06-01&to=2024-01-01", "from", "after 'to'")]
    [InlineData("/export/releases.csv?project=tidb&frm=2024-01-01", "frm", "Unknown parameter")]
    [InlineData("/export/stars.csv?bom=maybe", "bom", "maybe")]
    public async Task A_bad_parameter_is_a_400_that_names_it(string path, string parameter, string detail)
    {
        var response = await world.Web.CreateClient().GetAsync(new Uri(path, UriKind.Relative));
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(parameter, json.RootElement.GetProperty("parameter").GetString());
        Assert.Contains($"'{parameter}'", json.RootElement.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Contains(detail, json.RootElement.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Every_row_says_whether_it_is_simulated()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseOptions.Sqlite);
        var data = new DashboardData(database);
        await data.ProjectAsync("p", "P");
        var fake = await data.RepositoryAsync("p", Forge.GitHub, "o/fake", simulated: true);
        var real = await data.RepositoryAsync("p", Forge.Gitee, "o/real", RepositoryRole.Mirror);
        await data.StarGainsAsync(fake.Id, new DateOnly(2024, 1, 1), [1, 2, 3]);
        await data.StarGainsAsync(real.Id, new DateOnly(2024, 1, 1), [4, 5], StarSources.GiteeStargazers);
        await data.ReleaseAsync(fake.Id, "v1", new DateTime(2024, 1, 2, 0, 0, 0, DateTimeKind.Utc));
        await using var web = new MetricsWebFactory(database, DashboardWorld.Settings());
        var client = web.CreateClient();

        var stars = (await client.GetStringAsync(new Uri("/export/stars.csv", UriKind.Relative))).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        var releases = (await client.GetStringAsync(new Uri("/export/releases.csv", UriKind.Relative))).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        var milestones = (await client.GetStringAsync(new Uri("/export/milestones.csv", UriKind.Relative))).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);

        Assert.Equal("date,project,forge,repository,metric,value,source,simulated,project_name", stars[0]);
        Assert.Equal(6, stars.Count(l => l.Contains(",o/fake,", StringComparison.Ordinal) && l.EndsWith(",true,P", StringComparison.Ordinal)));
        Assert.Equal(4, stars.Count(l => l.Contains(",o/real,", StringComparison.Ordinal) && l.EndsWith(",false,P", StringComparison.Ordinal)));
        Assert.Equal(11, stars.Length);
        Assert.EndsWith(",simulated,project_name", releases[0], StringComparison.Ordinal);
        Assert.EndsWith(",true,P", releases[1], StringComparison.Ordinal);
        Assert.EndsWith(",simulated", milestones[0], StringComparison.Ordinal);
    }
}
