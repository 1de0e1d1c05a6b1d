using System.Text.Json.Nodes;
using Metrics.Core.Catalog;
using Metrics.Core.Milestones;
using Metrics.Core.Scheduling;
using Metrics.Core.Storage;
using Metrics.Core.Storage.Entities;
using Metrics.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Metrics.Core.Tests.Limits;

/// <summary>Input that would never work, or would swamp the app, is refused with a message naming what is wrong.</summary>
public sealed class BadInputLimitTests
{
    [Theory]
    [InlineData("Scheduling:Cron", "*/0 * * * *")]
    [InlineData("Scheduling:Cron", "0 */0 * * *")]
    [InlineData("Scheduling:Cron", "0 0 30 2 *")]
    [InlineData("Scheduling:Cron", "0 0 31 4,6,9,11 *")]
    [InlineData("Scheduling:Cron", "0 0 1 13 *")]
    [InlineData("Scheduling:Cron", "0 0 32 * *")]
    [InlineData("Scheduling:Cron", "0 2 * * 9")]
    [InlineData("Scheduling:Cron", "*/0 0 2 * * *")]
    [InlineData("Scheduling:ReconcileCron", "*/0 * * * *")]
    public void A_cron_that_cannot_fire_stops_start_up_naming_the_key(string key, string cron)
    {
        var options = key == "Scheduling:Cron" ? new SchedulingOptions { Cron = cron } : new SchedulingOptions { ReconcileCron = cron };

        var result = new SchedulingOptionsValidator().Validate(null, options);

        Assert.True(result.Failed);
        Assert.Contains(result.Failures!, f => f.StartsWith(key + " ", StringComparison.Ordinal) && f.Contains(cron, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("0 2 * * *")]
    [InlineData("*/15 * * * *")]
    [InlineData("0 0 29 2 *")]
    [InlineData("0 9-17/2 * * MON-FRI")]
    [InlineData("30 0 2 * * *")]
    public void A_cron_that_fires_is_accepted(string cron) =>
        Assert.True(new SchedulingOptionsValidator().Validate(null, new SchedulingOptions { Cron = cron }).Succeeded);

    [Fact]
    public async Task The_editor_refuses_a_description_or_title_beyond_its_limit_and_stores_nothing()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseOptions.Sqlite);
        var huge = new string('描', 3 * 1024 * 1024);

        var longDescription = await AddAsync(database, new MilestoneInput("A title", "2024", DatePrecision.Year, "", huge, []));
        var longTitle = await AddAsync(database, new MilestoneInput(new string('t', MilestoneLimits.Title + 1), "2024", DatePrecision.Year, "", "", []));
        var atTheLimit = await AddAsync(database, new MilestoneInput(new string('t', MilestoneLimits.Title), "2024", DatePrecision.Year, "", new string('d', MilestoneLimits.Description), []));

        Assert.False(longDescription.Succeeded);
        Assert.Contains($"The description is {huge.Length} characters long; at most {MilestoneLimits.Description} are allowed.", longDescription.Errors);
        Assert.False(longTitle.Succeeded);
        Assert.Contains($"at most {MilestoneLimits.Title} characters", Assert.Single(longTitle.Errors), StringComparison.Ordinal);
        Assert.True(atTheLimit.Succeeded);
        Assert.Equal(1, await database.InScopeAsync(s => s.GetRequiredService<MetricsDbContext>().Milestones.CountAsync()));
    }

    private static Task<MilestoneEditResult> AddAsync(TestDatabase database, MilestoneInput input) =>
        database.InScopeAsync(s => new MilestoneEditor(s.GetRequiredService<MetricsDbContext>()).AddAsync(input, CancellationToken.None));

    [Fact]
    public async Task A_seed_milestone_with_a_title_or_description_beyond_its_limit_is_named()
    {
        using var seeds = new SeedFiles();
        var ids = seeds.Milestones.Take(2).Select(m => m!["id"]!.GetValue<string>()).ToList();
        seeds.EditMilestones(m =>
        {
            m[0]!["title"] = new string('t', MilestoneLimits.Title + 1);
            m[1]!["description"] = new string('d', MilestoneLimits.Description + 1);
        });

        var errors = await RejectedAsync(seeds);

        Assert.Contains($"seeds/milestones.json: milestone #1 '{ids[0]}': field 'title' is {MilestoneLimits.Title + 1} characters long; at most {MilestoneLimits.Title} are allowed.", errors);
        Assert.Contains($"seeds/milestones.json: milestone #2 '{ids[1]}': field 'description' is {MilestoneLimits.Description + 1} characters long; at most {MilestoneLimits.Description} are allowed.", errors);
    }

    [Fact]
    public async Task A_seed_file_over_the_size_cap_is_refused_by_its_size_before_it_is_read()
    {
        using var seeds = new SeedFiles();
        // Not even JSON: the size alone decides, so a huge file costs no parsing.
        seeds.Write(SeedReader.MilestonesFile, new string(' ', (int)SeedReader.MaxFileBytes) + "not json");

        var errors = await RejectedAsync(seeds);

        Assert.Equal("seeds/milestones.json: the file is 2.0 MB; a seed file may be at most 2 MB.", Assert.Single(errors));
    }

    [Fact]
    public async Task A_seed_file_with_more_entries_than_the_cap_is_refused_naming_the_count()
    {
        using var seeds = new SeedFiles();
        seeds.EditMilestones(m =>
        {
            for (var i = 0; i < SeedReader.MaxMilestones; i++)
            {
                m.Add(new JsonObject { ["id"] = $"extra-{i}", ["date"] = "2020", ["precision"] = "year", ["title"] = "x" });
            }
        });

        var errors = await RejectedAsync(seeds);

        Assert.Contains($"seeds/milestones.json: {seeds.Milestones.Count} milestones; a seed file may hold at most {SeedReader.MaxMilestones}.", errors);
    }

    private static async Task<IReadOnlyList<string>> RejectedAsync(SeedFiles seeds)
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseOptions.Sqlite);
        var error = await Assert.ThrowsAsync<SeedValidationException>(() =>
            database.InScopeAsync(s => s.GetRequiredService<SeedImporter>().ImportAsync(seeds.Path, CancellationToken.None)));
        Assert.Equal(0, await database.InScopeAsync(s => s.GetRequiredService<MetricsDbContext>().Milestones.CountAsync()));
        return error.Errors;
    }
}
