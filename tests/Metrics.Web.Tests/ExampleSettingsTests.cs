using System.Net;
using Metrics.Core.Catalog;
using Metrics.Core.Collection;
using Metrics.Core.Forges.Gitee;
using Metrics.Core.Forges.GitHub;
using Metrics.Core.Forges.HuggingFace;
using Metrics.Core.Mirrors;
using Metrics.Core.Scheduling;
using Metrics.Core.Storage;
using Metrics.Testing;
using Metrics.Web.Admin;
using Metrics.Web.Dashboard;
using Microsoft.Extensions.Configuration;

namespace Metrics.Web.Tests;

/// <summary>appsettings.example.json is the user's map of every setting: it must name real keys and start the app.</summary>
public sealed class ExampleSettingsTests
{
    private static readonly Dictionary<string, Type> Sections = new()
    {
        [DatabaseOptions.SectionName] = typeof(DatabaseOptions),
        [CatalogOptions.SectionName] = typeof(CatalogOptions),
        [GitHubOptions.SectionName] = typeof(GitHubOptions),
        [GiteeOptions.SectionName] = typeof(GiteeOptions),
        [HuggingFaceOptions.SectionName] = typeof(HuggingFaceOptions),
        [CollectionOptions.SectionName] = typeof(CollectionOptions),
        [SchedulingOptions.SectionName] = typeof(SchedulingOptions),
        [MirrorOptions.SectionName] = typeof(MirrorOptions),
        [Core.GitHistory.GitHistoryOptions.SectionName] = typeof(Core.GitHistory.GitHistoryOptions),
        [AdminOptions.SectionName] = typeof(AdminOptions),
        [DashboardOptions.SectionName] = typeof(DashboardOptions),
        [global::Metrics.Web.Charts.ChartCacheOptions.SectionName] = typeof(global::Metrics.Web.Charts.ChartCacheOptions),
    };

    private static IConfigurationRoot Example() =>
        new ConfigurationBuilder().AddJsonFile(Path.Combine(AppContext.BaseDirectory, "appsettings.example.json")).Build();

    [Fact]
    public void Every_key_in_the_example_is_a_setting_the_app_reads()
    {
        var example = Example();
        var unknown = example.GetChildren().Select(s => s.Key)
            .Where(k => !Sections.ContainsKey(k) && k is not ("ConnectionStrings" or "Urls")).ToList();

        Assert.Empty(unknown);
        foreach (var (name, type) in Sections)
        {
            // Throws, naming the key, on a misspelt or retired setting.
            example.GetSection(name).Get(type, o => o.ErrorOnUnknownConfiguration = true);
        }
    }

    [Fact]
    public async Task The_app_starts_on_the_example_settings()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseOptions.Sqlite, migrate: false);
        var settings = Example().AsEnumerable()
            .Where(p => p.Value is not null && !p.Key.StartsWith("Database", StringComparison.Ordinal) && !p.Key.StartsWith("ConnectionStrings", StringComparison.Ordinal))
            .ToDictionary(p => p.Key, p => p.Value);
        await using var web = new MetricsWebFactory(database, settings);

        var response = await web.CreateClient().GetAsync(new Uri("/", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }
}
