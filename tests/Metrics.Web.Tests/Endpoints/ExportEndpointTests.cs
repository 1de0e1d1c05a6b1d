using System.Globalization;
using System.Net;
using CsvHelper;
using Metrics.Core.Export;

namespace Metrics.Web.Tests.Endpoints;

public sealed class ExportEndpointTests(DashboardWorld world) : IClassFixture<DashboardWorld>
{
    private static List<Dictionary<string, string>> Parse(byte[] bytes)
    {
        using var reader = CsvReader.Create(bytes, new CsvReaderOptions { HasHeader = true });
        var rows = new List<Dictionary<string, string>>();
        while (reader.Read())
        {
            rows.Add(reader.Headers.Select((h, i) => (h, i)).ToDictionary(x => x.h, x => reader.GetString(x.i)));
        }

        return rows;
    }

    [Fact]
    public async Task The_stars_dataset_round_trips_to_the_stored_series()
    {
        var response = await world.Web.CreateClient().GetAsync(new Uri("/export/stars.csv?project=tidb", UriKind.Relative));
        var rows = Parse(await response.Content.ReadAsByteArrayAsync());

        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("stars-tidb.csv", response.Content.Headers.ContentDisposition?.FileNameStar ?? response.Content.Headers.ContentDisposition?.FileName);
        var github = rows.Where(r => r["forge"] == "github").ToList();
        Assert.Equal(365, github.Count(r => r["metric"] == "stars_gained")); // 366 days of 2024, one not collected
        Assert.All(github.Where(r => r["metric"] == "stars_gained"), r => Assert.Equal("10", r["value"]));
        Assert.Equal(DashboardWorld.TidbHistoryTotal.ToString(CultureInfo.InvariantCulture), github.Last(r => r["metric"] == "stars")["value"]);
        Assert.DoesNotContain(github, r => r["date"] == "2024-06-01");
        Assert.Equal(306, rows.Where(r => r["forge"] == "gitee" && r["metric"] == "stars_gained").Sum(r => long.Parse(r["value"], CultureInfo.InvariantCulture)));
    }

    [Theory]
    [InlineData(Datasets.Stars)]
    [InlineData(Datasets.Snapshots)]
    [InlineData(Datasets.Releases)]
    [InlineData(Datasets.Contributors)]
    [InlineData(Datasets.Milestones)]
    [InlineData(Datasets.Mirrors)]
    public async Task Every_dataset_exports_with_a_byte_order_mark_on_request(string dataset)
    {
        var client = world.Web.CreateClient();

        var plain = await client.GetByteArrayAsync(new Uri($"/export/{dataset}.csv", UriKind.Relative));
        var excel = await client.GetByteArrayAsync(new Uri($"/export/{dataset}.csv?bom=1", UriKind.Relative));

        Assert.NotEmpty(Parse(plain));
        Assert.NotEqual(0xEF, plain[0]);
        Assert.Equal([0xEF, 0xBB, 0xBF], excel[..3]);
    }

    [Fact]
    public async Task Release_names_that_look_like_formulas_are_neutralised()
    {
        var rows = Parse(await world.Web.CreateClient().GetByteArrayAsync(new Uri("/export/releases.csv?project=tidb", UriKind.Relative)));

        Assert.Contains(rows, r => r["name"] == "'=HYPERLINK(\"http://evil\")");
        Assert.Contains(rows, r => r["name"] == "TiDB 2.0 正式发布");
    }

    [Fact]
    public async Task The_mirrors_dataset_has_both_curves_their_ratio_and_the_release_lag()
    {
        var rows = Parse(await world.Web.CreateClient().GetByteArrayAsync(new Uri("/export/mirrors.csv?project=tidb&from=2024-12-31", UriKind.Relative)));

        Assert.Equal(("3650", "306"), (rows.Single(r => r["forge"] == "github" && r["metric"] == "stars")["value"], rows.Single(r => r["forge"] == "gitee" && r["metric"] == "stars")["value"]));
        Assert.Equal(3650.0 / 306, double.Parse(rows.Single(r => r["metric"] == "github_stars_per_gitee_star")["value"], CultureInfo.InvariantCulture), 9);
        Assert.DoesNotContain(rows, r => r["metric"] == "release_lag_days"); // v1.0 was published before the range
    }

    [Fact]
    public async Task An_unknown_dataset_is_not_found_and_says_which_exist()
    {
        var response = await world.Web.CreateClient().GetAsync(new Uri("/export/passwords.csv", UriKind.Relative));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("stars, snapshots, releases, contributors, milestones, mirrors", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }
}
