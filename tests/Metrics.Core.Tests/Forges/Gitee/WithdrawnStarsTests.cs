using Metrics.Core.Collection;
using Metrics.Core.Forges.Gitee;
using Metrics.Core.Storage;
using Metrics.Core.Storage.Bulk;
using Metrics.Core.Storage.Entities;
using Metrics.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace Metrics.Core.Tests.Forges.Gitee;

public sealed class WithdrawnStarsTests
{
    private static readonly DateOnly Day1 = new(2025, 1, 6);

    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Stars_withdrawn_earlier_in_the_list_do_not_hide_the_new_ones_that_moved_up_a_page(string provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var repositoryId = await AddRepositoryAsync(database);
        var api = new StubGiteeApi();
        var time = new FakeTimeProvider(At(2, 20));
        api.Stars.AddRange([.. Stars(0, 7), .. Stars(1, 6), .. Stars(2, 4)]);

        await CollectAsync(database, api, time, repositoryId);
        Assert.Equal([1, 2, 3, 4], api.PagesRead);

        // Six of the first day's stars are withdrawn, moving everything after them up; day 3 goes on, day 4 begins.
        api.Stars.RemoveRange(0, 6);
        api.Stars.AddRange([.. Stars(2, 2, fromHour: 21), .. Stars(3, 5)]);
        time.SetUtcNow(At(3, 23));
        api.PagesRead.Clear();
        var total = await CollectAsync(database, api, time, repositoryId);

        var stored = await database.InScopeAsync(s => s.GetRequiredService<MetricsDbContext>().StarGains
            .Where(g => g.RepositoryId == repositoryId).OrderBy(g => g.Day).Select(g => g.Gained).ToListAsync());
        Assert.Equal([7L, 6, 6, 5], stored);
        Assert.Equal(24, total);
        Assert.Equal([3, 2, 4], api.PagesRead); // page 3 starts inside day 3 now, so the run steps back to page 2
    }

    private static DateTimeOffset At(int day, int hour) => new(Day1.AddDays(day).ToDateTime(new TimeOnly(hour, 0)), TimeSpan.Zero);

    // Evening stars (after 16:00 UTC) carry the next day's date in Beijing time.
    private static IEnumerable<DateTimeOffset> Stars(int day, int count, int fromHour = 10) =>
        Enumerable.Range(0, count).Select(i => At(day, fromHour).AddMinutes(i * 20));

    // The forge client reads, the collection writer stores chunk by chunk: the same two halves a run uses.
    private static Task<long> CollectAsync(TestDatabase database, StubGiteeApi api, TimeProvider time, int repositoryId) => database.InScopeAsync(async s =>
    {
        var db = s.GetRequiredService<MetricsDbContext>();
        var writer = new CollectionWriter(db, s.GetRequiredService<IBulkWriter>(), time);
        var reader = new GiteeReader(api, Options.Create(new GiteeOptions { PageSize = 5 }), time);
        var history = new GiteeStarHistory(reader, time);
        var state = await writer.StarStateAsync(repositoryId, StarSources.GiteeStargazers, CancellationToken.None);
        await foreach (var chunk in history.ReadAsync(await writer.LoadAsync(repositoryId, CancellationToken.None), state, CancellationToken.None))
        {
            await writer.StoreStarDaysAsync(repositoryId, StarSources.GiteeStargazers, chunk, CancellationToken.None);
        }

        return await db.StarGains.Where(g => g.RepositoryId == repositoryId).SumAsync(g => g.Gained);
    });

    private static Task<int> AddRepositoryAsync(TestDatabase database) => database.InScopeAsync(async s =>
    {
        var db = s.GetRequiredService<MetricsDbContext>();
        db.Projects.Add(new Project { Id = "p", Name = "P" });
        var repository = new Repository { ProjectId = "p", Forge = Forge.Gitee, Owner = "o", Name = "r", Tracked = true };
        db.Repositories.Add(repository);
        await db.SaveChangesAsync();
        return repository.Id;
    });
}
