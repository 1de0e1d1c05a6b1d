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
}
