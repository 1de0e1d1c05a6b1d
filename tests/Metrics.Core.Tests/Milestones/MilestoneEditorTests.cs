using Metrics.Core.Milestones;
using Metrics.Core.Storage;
using Metrics.Core.Storage.Entities;
using Metrics.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Metrics.Core.Tests.Milestones;

public sealed class MilestoneEditorTests
{
    private static Task<MilestoneEditResult> EditAsync(TestDatabase database, Func<MilestoneEditor, Task<MilestoneEditResult>> edit) =>
        database.InScopeAsync(s => edit(new MilestoneEditor(s.GetRequiredService<MetricsDbContext>())));

    private static Task<Milestone?> FindAsync(TestDatabase database, string id) =>
        database.InScopeAsync(s => s.GetRequiredService<MetricsDbContext>().Milestones.Include(m => m.Projects).SingleOrDefaultAsync(m => m.Id == id));

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_user_adds_edits_and_deletes_their_own_milestone(string provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await database.SeedAsync();

        var added = await EditAsync(database, e => e.AddAsync(new MilestoneInput("TiDB 8.0 发布", "2024-03", DatePrecision.Month, "III", "", ["tidb"]), CancellationToken.None));
        var stored = await FindAsync(database, added.MilestoneId!);
        var edited = await EditAsync(database, e => e.UpdateAsync(added.MilestoneId!, new MilestoneInput("TiDB 8.0 GA", "2024-03-29", DatePrecision.Day, "III", "GA", ["tidb", "oceanbase"]), CancellationToken.None));
        var changed = await FindAsync(database, added.MilestoneId!);
        var deleted = await EditAsync(database, e => e.DeleteAsync(added.MilestoneId!, CancellationToken.None));

        Assert.True(added.Succeeded);
        Assert.True(stored!.UserAdded);
        Assert.Equal((new DateOnly(2024, 3, 1), DatePrecision.Month, "TiDB 8.0 发布"), (stored.Date, stored.Precision, stored.Title));
        Assert.True(edited.Succeeded);
        Assert.Equal((new DateOnly(2024, 3, 29), DatePrecision.Day, "TiDB 8.0 GA"), (changed!.Date, changed.Precision, changed.Title));
        Assert.Equal(["oceanbase", "tidb"], changed.Projects.Select(p => p.ProjectId).Order());
        Assert.True(deleted.Succeeded);
        Assert.Null(await FindAsync(database, added.MilestoneId!));
    }

    [Fact]
    public async Task The_essays_milestones_can_be_neither_edited_nor_deleted()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseOptions.Sqlite);
        await database.SeedAsync();
        var essay = await database.InScopeAsync(s => s.GetRequiredService<MetricsDbContext>().Milestones.AsNoTracking().FirstAsync(m => !m.UserAdded));

        var edit = await EditAsync(database, e => e.UpdateAsync(essay.Id, new MilestoneInput("rewritten", "2000", DatePrecision.Year, "I", "", []), CancellationToken.None));
        var delete = await EditAsync(database, e => e.DeleteAsync(essay.Id, CancellationToken.None));

        Assert.False(edit.Succeeded);
        Assert.False(delete.Succeeded);
        Assert.Contains("essay", delete.Errors[0], StringComparison.Ordinal);
        Assert.Equal(essay.Title, (await FindAsync(database, essay.Id))!.Title);
    }

    [Fact]
    public async Task A_date_must_match_its_precision_and_projects_must_exist()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseOptions.Sqlite);
        await database.SeedAsync();

        var result = await EditAsync(database, e => e.AddAsync(new MilestoneInput(" ", "2024-03", DatePrecision.Day, "VII", "", ["no-such-project"]), CancellationToken.None));

        Assert.False(result.Succeeded);
        Assert.Equal(4, result.Errors.Count);
        Assert.Contains(result.Errors, e => e.Contains("YYYY-MM-DD", StringComparison.Ordinal));
        Assert.Contains(result.Errors, e => e.Contains("no-such-project", StringComparison.Ordinal));
    }

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_user_milestone_takes_an_optional_title_and_description_in_Chinese(string provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await database.SeedAsync();

        var added = await EditAsync(database, e => e.AddAsync(new MilestoneInput("TiDB 8.0 ships", "2024-03", DatePrecision.Month, "III", "GA release", ["tidb"],
            " TiDB 8.0 发布 ", "正式版发布"), CancellationToken.None));
        var stored = await FindAsync(database, added.MilestoneId!);
        await EditAsync(database, e => e.UpdateAsync(added.MilestoneId!, new MilestoneInput("TiDB 8.0 ships", "2024-03", DatePrecision.Month, "III", "GA release", ["tidb"],
            "TiDB 8.0 正式发布", " "), CancellationToken.None));
        var edited = await FindAsync(database, added.MilestoneId!);
        var englishOnly = await EditAsync(database, e => e.AddAsync(new MilestoneInput("Only English", "2024", DatePrecision.Year, "", "", []), CancellationToken.None));
        var tooLong = await EditAsync(database, e => e.AddAsync(new MilestoneInput("Too long", "2024", DatePrecision.Year, "", "", [],
            new string('题', MilestoneLimits.Title + 1), new string('述', MilestoneLimits.Description + 1)), CancellationToken.None));

        Assert.Equal(("TiDB 8.0 发布", "正式版发布"), (stored!.TitleZh, stored.DescriptionZh));
        Assert.Equal(("TiDB 8.0 ships", "GA release"), (stored.Title, stored.Description));
        Assert.Equal(("TiDB 8.0 正式发布", null), (edited!.TitleZh, edited.DescriptionZh));
        Assert.True(englishOnly.Succeeded);
        Assert.Null((await FindAsync(database, englishOnly.MilestoneId!))!.TitleZh);
        Assert.False(tooLong.Succeeded);
        Assert.Equal(
            [$"The Chinese title is {MilestoneLimits.Title + 1} characters long; at most {MilestoneLimits.Title} are allowed.",
             $"The Chinese description is {MilestoneLimits.Description + 1} characters long; at most {MilestoneLimits.Description} are allowed."],
            tooLong.Errors);
        Assert.Equal(0, await database.InScopeAsync(s => s.GetRequiredService<MetricsDbContext>().Milestones.CountAsync(m => m.Title == "Too long")));
    }
}
