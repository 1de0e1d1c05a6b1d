using Metrics.Core.Storage.Bulk;
using Metrics.Core.Storage.Entities;

namespace Metrics.Core.Tests.Storage;

/// <summary>How rows become batches before any database sees them: each key once, the last value in the first place.</summary>
public sealed class UpsertBatchesTests
{
    private static readonly DateOnly Day = new(2024, 1, 1);

    [Fact]
    public void A_key_repeated_after_an_ascending_run_keeps_its_first_place_and_its_last_value()
    {
        StarGain[] rows =
        [
            Gain(1, 0, 10), Gain(1, 1, 11), Gain(1, 2, 12), Gain(2, 0, 20),
            Gain(1, 1, 99), // a step back: the rest of the batch is looked up
            Gain(2, 1, 21), Gain(2, 0, 98), Gain(1, 2, "gitee", 5),
        ];

        var batch = Assert.Single(UpsertTables.StarGains.Batches(rows, size: 100));

        Assert.Equal(
            [(1, 0, 10L), (1, 1, 99L), (1, 2, 12L), (2, 0, 98L), (2, 1, 21L), (1, 2, 5L)],
            batch.Select(g => (g.RepositoryId, g.Day.DayNumber - Day.DayNumber, g.Gained)));
    }

    [Fact]
    public void Each_batch_starts_ascending_again_and_repeats_across_batches_are_left_to_the_upsert()
    {
        StarGain[] rows = [Gain(1, 0, 1), Gain(1, 1, 2), Gain(1, 1, 3), Gain(1, 0, 4), Gain(1, 5, 5), Gain(1, 0, 6), Gain(1, 1, 7)];

        var batches = UpsertTables.StarGains.Batches(rows, size: 3).ToList();

        Assert.Equal([[4L, 3L, 5L], [6L, 7L]], batches.Select(b => b.Select(g => g.Gained).ToArray()));
    }

    private static StarGain Gain(int repository, int day, long gained) => Gain(repository, day, StarSources.GitHubHistory, gained);

    private static StarGain Gain(int repository, int day, string source, long gained) =>
        new() { RepositoryId = repository, Day = Day.AddDays(day), Source = source, Gained = gained };
}
