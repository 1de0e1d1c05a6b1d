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

/// <summary>A contributor's name may be an e-mail address, or hold one: the writer stores neither, for any forge.</summary>
public sealed class EmailInNamesTests
{
    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task Email_addresses_inside_contributor_names_are_stripped_before_storage(string provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var api = new StubGiteeApi();
        api.Contributors.AddRange(
        [
            new GiteeContributor("li.si@corp.example", "li.si@corp.example", 12),
            new GiteeContributor("wang@corp.example", "Wang Wu <wang@corp.example>", 7),
            new GiteeContributor("zhao@corp.example", "赵六 (zhao@corp.example)", 3),
        ]);
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 11, 30, 12, 0, 0, TimeSpan.Zero));

        var id = await database.InScopeAsync(async s =>
        {
            var db = s.GetRequiredService<MetricsDbContext>();
            db.Projects.Add(new Project { Id = "p", Name = "P" });
            var repository = new Repository { ProjectId = "p", Forge = Forge.Gitee, Owner = "o", Name = "r", Tracked = true };
            db.Repositories.Add(repository);
            await db.SaveChangesAsync();
            var writer = new CollectionWriter(db, s.GetRequiredService<IBulkWriter>(), time);
            var contributors = new GiteeContributors(new GiteeReader(api, Options.Create(new GiteeOptions()), time, new global::Metrics.Core.Collection.SecretScrubber([])));
            var read = await contributors.ReadAsync(await writer.LoadAsync(repository.Id, CancellationToken.None), CancellationToken.None);
            await writer.StoreContributorsAsync(repository.Id, read, CancellationToken.None);
            return repository.Id;
        });

        var stored = await database.InScopeAsync(s => s.GetRequiredService<MetricsDbContext>().Contributors
            .Where(c => c.RepositoryId == id).OrderByDescending(c => c.Contributions).ToListAsync());
        Assert.Equal([null, "Wang Wu", "赵六"], stored.Select(c => c.DisplayName));
        Assert.All(stored, c => Assert.DoesNotContain("@", c.Key + c.DisplayName, StringComparison.Ordinal));

        // Gitee lists git identities, not accounts: they carry the "anonymous" badge as GitHub's do on the other side.
        Assert.All(stored, c => Assert.True(c.Anonymous));
    }
}
