using Metrics.FakeForge.Core;

namespace Metrics.FakeForge.World;

public sealed class HfFactory(int seed, DateTimeOffset anchor)
{
    /// <summary>The Hub reports this for repositories created before it stored creation dates.</summary>
    public static readonly DateTimeOffset HubEpoch = new(2022, 3, 2, 23, 29, 4, TimeSpan.Zero);

    public HfModel Model(string org, string name, int ageDays, double likesPerDay, double downloadsPerDay)
    {
        var id = $"{org}/{name}";
        var rng = new DetRandom(Det.Hash((ulong)seed, Det.Of("hf:" + id)));
        var created = anchor.AddDays(-ageDays).AddSeconds(-rng.Next(0, 86_400));
        if (created < HubEpoch)
        {
            created = HubEpoch;
        }

        var salt = Det.Hash((ulong)seed, Det.Of(id));
        var pipeline = rng.Pick(Names.Pipelines);
        var library = rng.Pick(Names.Libraries);
        return new HfModel
        {
            Id = id,
            MongoId = Det.Hex(salt, 24),
            CreatedAt = created,
            LastModified = created.AddDays(rng.Next(0, Math.Max(1, (int)(anchor - created).TotalDays))),
            Sha = Det.Hex(Det.Mix(salt), 40),
            Gated = rng.Chance(0.2) ? "auto" : "false",
            PipelineTag = rng.Chance(0.1) ? null : pipeline,
            LibraryName = rng.Chance(0.1) ? null : library,
            Tags = [library, "safetensors", pipeline, "license:apache-2.0", "endpoints_compatible", "region:us"],
            Siblings = [".gitattributes", "README.md", "config.json", "model.safetensors"],
            TrendingScore = rng.Next(0, 120),
            Likes = new DailySeries { Start = created, RatePerDay = likesPerDay, Salt = Det.Hash(salt, 1) },
            Downloads = new DailySeries { Start = created, RatePerDay = downloadsPerDay, GrowthPerYear = 0.5, Salt = Det.Hash(salt, 2) },
        };
    }
}
