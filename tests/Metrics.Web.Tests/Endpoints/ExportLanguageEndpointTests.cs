using System.Net;
using System.Text.Json;
using CsvHelper;
using Metrics.Core.Storage;
using Metrics.Core.Storage.Entities;
using Metrics.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Metrics.Web.Tests.Endpoints;

/// <summary><c>lang=zh-CN</c> on the dataset and chart CSVs: text cells in Chinese, headers and codes unchanged; English otherwise, whatever the browser prefers.</summary>
public sealed class ExportLanguageEndpointTests
{
    private static async Task<TestDatabase> WorldAsync(string provider)
    {
        var database = await TestDatabase.CreateAsync(provider);
        var data = new DashboardData(database);
        await data.ProjectAsync("stepfun", "StepFun");
        var repository = await data.RepositoryAsync("stepfun", Forge.GitHub, "stepfun-ai/Step-Audio");
        await data.StarGainsAsync(repository.Id, new DateOnly(2025, 2, 1), [10, 20, 30]);
        await data.MilestoneAsync("step-open", new DateOnly(2025, 2, 2), DatePrecision.Day, "StepFun opens Step-Audio", "VI", "stepfun");
        await database.InScopeAsync(async s =>
        {
            var db = s.GetRequiredService<MetricsDbContext>();
            (await db.Projects.SingleAsync(p => p.Id == "stepfun")).NameZh = "阶跃星辰";
            (await db.Milestones.SingleAsync(m => m.Id == "step-open")).TitleZh = "阶跃星辰开源 Step-Audio";
            await db.SaveChangesAsync();
        });
        return database;
    }

    private static async Task<(string[] Header, List<Dictionary<string, string>> Rows)> CsvAsync(HttpClient client, string url, string? acceptLanguage = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(url, UriKind.Relative));
        if (acceptLanguage is not null)
        {
            request.Headers.AcceptLanguage.ParseAdd(acceptLanguage);
        }

        using var response = await client.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var reader = CsvReader.Create(await response.Content.ReadAsByteArrayAsync(), new CsvReaderOptions { HasHeader = true });
        var rows = new List<Dictionary<string, string>>();
        while (reader.Read())
        {
            rows.Add(reader.Headers.Select((h, i) => (h, i)).ToDictionary(x => x.h, x => reader.GetString(x.i)));
        }

        return ([.. reader.Headers], rows);
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Dataset_and_chart_CSVs_name_projects_and_milestones_in_Chinese_when_asked(string provider)
    {
        await using var database = await WorldAsync(provider);
        await using var web = new MetricsWebFactory(database, DashboardWorld.Settings());
        var client = web.CreateClient();
        const string chart = "/export/chart/growth.csv?p=stepfun&forge=github";

        var stars = await CsvAsync(client, "/export/stars.csv?lang=zh-CN");
        var starsEnglish = await CsvAsync(client, "/export/stars.csv", acceptLanguage: "zh-CN,zh;q=0.9");
        var milestones = await CsvAsync(client, "/export/milestones.csv?lang=zh-CN");
        var milestonesEnglish = await CsvAsync(client, "/export/milestones.csv?lang=en");
        var growth = await CsvAsync(client, chart + "&lang=zh-CN");
        var growthEnglish = await CsvAsync(client, chart, acceptLanguage: "zh-CN");

        Assert.Equal(starsEnglish.Header, stars.Header);
        Assert.All(stars.Rows, r => Assert.Equal(("stepfun", "github", "阶跃星辰"), (r["project"], r["forge"], r["project_name"])));
        Assert.All(starsEnglish.Rows, r => Assert.Equal("StepFun", r["project_name"]));
        Assert.Equal(starsEnglish.Rows.Select(r => r["metric"] + r["value"] + r["source"]), stars.Rows.Select(r => r["metric"] + r["value"] + r["source"]));
        Assert.Equal(milestonesEnglish.Header, milestones.Header);
        Assert.Equal("阶跃星辰开源 Step-Audio", milestones.Rows.Single()["title"]);
        Assert.Equal("StepFun opens Step-Audio", milestonesEnglish.Rows.Single()["title"]);
        Assert.Equal(growthEnglish.Header, growth.Header);
        Assert.Equal(3, growth.Rows.Count);
        Assert.All(growth.Rows, r => Assert.Equal(("stepfun", "stars", "阶跃星辰"), (r["project"], r["metric"], r["project_name"])));
        Assert.All(growthEnglish.Rows, r => Assert.Equal("StepFun", r["project_name"]));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task An_unknown_lang_is_answered_400_naming_the_parameter(string provider)
    {
        await using var database = await WorldAsync(provider);
        await using var web = new MetricsWebFactory(database, DashboardWorld.Settings());
        var client = web.CreateClient();

        var dataset = await client.GetAsync(new Uri("/export/milestones.csv?lang=fr", UriKind.Relative));
        var chart = await client.GetAsync(new Uri("/export/chart/growth.csv?p=stepfun&lang=klingon", UriKind.Relative));

        Assert.Equal((HttpStatusCode.BadRequest, HttpStatusCode.BadRequest), (dataset.StatusCode, chart.StatusCode));
        using var problem = JsonDocument.Parse(await dataset.Content.ReadAsStringAsync());
        Assert.Equal("lang", problem.RootElement.GetProperty("parameter").GetString());
        Assert.Contains("takes en or zh-CN, not 'fr'", problem.RootElement.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Contains("lang: Parameter 'lang' takes en or zh-CN, not 'klingon'", await chart.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }
}
