using Metrics.Core.Collection.Locks;
using Metrics.Core.Scheduling;
using Metrics.Core.Storage;
using Metrics.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Metrics.Core.Tests.Scheduling;

public sealed class RepositoryLocksTests
{
    [Theory]
    [MemberData(nameof(TestDatabase.Providers), MemberType = typeof(TestDatabase))]
    public async Task A_repository_held_by_one_run_is_busy_for_another_until_released(string provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        // Two instances stand for two processes: neither shares memory with the other.
        var first = Create(database);
        var second = Create(database);

        var held = await first.TryAcquireAsync([1, 2], CancellationToken.None);
        await using (var other = await second.TryAcquireAsync([2, 3], CancellationToken.None))
        {
            Assert.Equal([1, 2], held.Held.Order());
            Assert.Equal([3], other.Held);
        }

        await held.DisposeAsync();
        await using var after = await second.TryAcquireAsync([1, 2, 3], CancellationToken.None);
        Assert.Equal([1, 2, 3], after.Held.Order());
    }

    private static IRepositoryLocks Create(TestDatabase database)
    {
        var services = new ServiceCollection();
        services.AddSingleton(database.Services.GetRequiredService<IOptions<DatabaseOptions>>());
        services.AddRepositoryLocks();
        return services.BuildServiceProvider().GetRequiredService<IRepositoryLocks>();
    }
}
