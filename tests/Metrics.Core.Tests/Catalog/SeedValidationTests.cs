using System.Text.Json.Nodes;
using Metrics.Core.Catalog;
using Metrics.Core.Storage;
using Metrics.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Metrics.Core.Tests.Catalog;

public sealed class SeedValidationTests
{
    public static TheoryData<string, string> BadProjects => new()
    {
        { "unknown-forge", "seeds/projects.json: project #1 'P': repositories[0]: field 'forge': unknown forge 'sourceforge'" },
        { "duplicate-id", "seeds/projects.json: project #2 'P': field 'id': duplicate id 'P'" },
        { "bad-first-public", "seeds/projects.json: project #1 'P': field 'firstPublic.date': '2021-13-01' is not a valid date for precision 'day'" },
        { "missing-owner", "seeds/projects.json: project #1 'P': repositories[0]: field 'owner' is required" },
    };

    public static TheoryData<string, string> BadMilestones => new()
    {
        { "bad-date", "seeds/milestones.json: milestone #1 'M': field 'date': '2019-02-30' is not a valid date for precision 'day' (expected YYYY-MM-DD)" },
        { "date-shape", "seeds/milestones.json: milestone #1 'M': field 'date': '2019' is not a valid date for precision 'month' (expected YYYY-MM)" },
        { "unknown-project", "seeds/milestones.json: milestone #1 'M': field 'projects': unknown project 'no-such-project'" },
        { "duplicate-id", "seeds/milestones.json: milestone #2 'M': field 'id': duplicate id 'M'" },
        { "bad-precision", "seeds/milestones.json: milestone #1 'M': field 'precision' must be 'day', 'month' or 'year', got 'week'" },
    };

    [Theory]
    [MemberData(nameof(BadProjects))]
    public async Task A_bad_project_entry_is_named_by_file_entry_and_field_and_nothing_is_written(string fault, string expected)
    {
        using var seeds = new SeedFiles();
        var id = seeds.Projects[0]!["id"]!.GetValue<string>();
        seeds.EditProjects(p =>
        {
            var first = p[0]!;
            switch (fault)
            {
                case "unknown-forge": first["repositories"] = new JsonArray(new JsonObject { ["forge"] = "sourceforge", ["owner"] = "x", ["name"] = "y" }); break;
                case "duplicate-id": p[1]!["id"] = id; break;
                case "bad-first-public": first["firstPublic"] = new JsonObject { ["date"] = "2021-13-01", ["precision"] = "day" }; break;
                case "missing-owner": first["repositories"] = new JsonArray(new JsonObject { ["forge"] = "github", ["name"] = "y" }); break;
            }
        });

        await AssertRejectedAsync(seeds, expected.Replace("'P'", $"'{id}'", StringComparison.Ordinal));
    }

    [Theory]
    [MemberData(nameof(BadMilestones))]
    public async Task A_bad_milestone_is_named_by_file_entry_and_field_and_nothing_is_written(string fault, string expected)
    {
        using var seeds = new SeedFiles();
        var id = seeds.Milestones[0]!["id"]!.GetValue<string>();
        seeds.EditMilestones(m =>
        {
            var first = m[0]!;
            switch (fault)
            {
                case "bad-date": first["date"] = "2019-02-30"; first["precision"] = "day"; break;
                case "date-shape": first["date"] = "2019"; first["precision"] = "month"; break;
                case "unknown-project": first["projects"] = new JsonArray("no-such-project"); break;
                case "duplicate-id": m[1]!["id"] = id; break;
                case "bad-precision": first["precision"] = "week"; break;
            }
        });

        await AssertRejectedAsync(seeds, expected.Replace("'M'", $"'{id}'", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_file_that_is_not_json_is_named_with_its_line()
    {
        using var seeds = new SeedFiles();
        seeds.Write("milestones.json", "{\n  \"milestones\": [\n    { \"id\": \"x\", }\n    oops\n");

        await AssertRejectedAsync(seeds, "seeds/milestones.json: not valid JSON at line 4");
    }

    [Fact]
    public async Task A_missing_file_is_named()
    {
        using var seeds = new SeedFiles();
        File.Delete(seeds.ProjectsPath);

        await AssertRejectedAsync(seeds, "projects.json: file not found");
    }

    private static async Task AssertRejectedAsync(SeedFiles seeds, string expected)
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseOptions.Sqlite);

        var error = await Assert.ThrowsAsync<SeedValidationException>(() =>
            database.InScopeAsync(s => s.GetRequiredService<SeedImporter>().ImportAsync(seeds.Path, CancellationToken.None)));

        Assert.Contains(error.Errors, e => e.Contains(expected, StringComparison.Ordinal));
        var stored = await database.InScopeAsync(async s =>
        {
            var db = s.GetRequiredService<MetricsDbContext>();
            return await db.Projects.CountAsync() + await db.Milestones.CountAsync() + await db.Repositories.CountAsync();
        });
        Assert.Equal(0, stored);
    }
}
