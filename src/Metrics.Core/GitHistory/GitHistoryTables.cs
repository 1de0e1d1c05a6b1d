using Metrics.Core.Storage.Bulk;
using static Metrics.Core.Storage.Bulk.UpsertColumn;

namespace Metrics.Core.GitHistory;

/// <summary>The bulk upsert of identity-days: a re-read overwrites each row with the newest read's numbers.</summary>
internal static class GitHistoryTables
{
    public static readonly UpsertTable<GitIdentityDay> IdentityDays = new("git_identity_days",
    [
        Of<GitIdentityDay, int>("RepositoryId", d => d.RepositoryId),
        Of<GitIdentityDay, string>("Key", d => d.Key),
        Of<GitIdentityDay, DateOnly>("Day", d => d.Day),
        Of<GitIdentityDay, int>("Commits", d => d.Commits),
        Of<GitIdentityDay, bool>("Bot", d => d.Bot),
        Of<GitIdentityDay, long>("Generation", d => d.Generation),
    ], ["RepositoryId", "Key", "Day"], new KeyComparer<GitIdentityDay, (int, string, DateOnly)>(d => (d.RepositoryId, d.Key, d.Day)));
}
