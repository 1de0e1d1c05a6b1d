using System.Text.Json;
using Metrics.FakeForge.World;

namespace Metrics.FakeForge.Tests.World;

/// <summary>The offline demo's world follows the catalog's dates, so a project's growth can be seen around its milestones.</summary>
public sealed class CatalogWorldDatesTests
{
    private static readonly DateTimeOffset Anchor = new(2026, 11, 15, 0, 0, 0, TimeSpan.Zero);
    private static readonly string Catalog = Path.Combine(AppContext.BaseDirectory, "seeds", "projects.json");

    [Fact]
    public void Each_tracked_primary_starts_by_its_first_public_day_and_its_mirrors_start_later()
    {
        var world = CatalogWorld.Load(Catalog, 42, Anchor, ["p"]);
        using var doc = JsonDocument.Parse(File.ReadAllText(Catalog));
        var firstDays = CatalogDates.FirstDays(doc.RootElement, Catalog);
        var checkedProjects = 0;
        foreach (var project in doc.RootElement.GetProperty("projects").EnumerateArray().Where(p => p.GetProperty("tracked").GetBoolean()))
        {
            if (!firstDays.TryGetValue(project.GetProperty("id").GetString()!, out var first))
            {
                continue;
            }

            var repositories = project.GetProperty("repositories").EnumerateArray()
                .Where(r => r.GetProperty("name").ValueKind == JsonValueKind.String && r.GetProperty("forge").GetString() is "github" or "gitee")
                .Select(r => (Role: r.GetProperty("role").GetString(), Created: Created(world, r))).ToList();
            var primary = repositories.Where(r => r.Role == "primary").Select(r => r.Created).DefaultIfEmpty(null).Min();
            if (primary is { } created)
            {
                Assert.InRange(DateOnly.FromDateTime(created.UtcDateTime), first.AddDays(-1), first);
                Assert.All(repositories.Where(r => r.Role == "mirror"), m => Assert.True(m.Created > created, $"{project.GetProperty("id")}: a mirror starts after its primary"));
                checkedProjects++;
            }
        }

        Assert.True(checkedProjects >= 15, $"only {checkedProjects} projects checked");
    }

    [Fact]
    public void TiDB_starts_in_May_2015_and_a_Hugging_Face_organisation_with_its_first_model()
    {
        var world = CatalogWorld.Load(Catalog, 42, Anchor, ["p"]);

        // Within the day before, as a repository created late on 30 April is on the chart for 1 May.
        Assert.InRange(Day(world.GetGitHub("pingcap/tidb").CreatedAt), new DateOnly(2015, 4, 30), new DateOnly(2015, 5, 1));
        Assert.InRange(Day(world.GetGitHub("oceanbase/oceanbase").CreatedAt), new DateOnly(2021, 5, 31), new DateOnly(2021, 6, 1));
        var qwen = world.FindOrganization("Qwen")!;
        Assert.InRange(Day(qwen.Models.Min(m => m.CreatedAt)), new DateOnly(2023, 8, 2), new DateOnly(2023, 8, 3));
        Assert.All(qwen.Models, m => Assert.True(m.CreatedAt < Anchor));
    }

    private static DateOnly Day(DateTimeOffset at) => DateOnly.FromDateTime(at.UtcDateTime);

    private static DateTimeOffset? Created(ForgeWorld world, JsonElement r)
    {
        var (owner, name) = (r.GetProperty("owner").GetString()!, r.GetProperty("name").GetString()!);
        return r.GetProperty("forge").GetString() == "github" ? world.FindGitHub(owner, name)?.CreatedAt : world.FindGitee(owner, name)?.CreatedAt;
    }
}
