namespace Metrics.Core.Storage.Entities;

/// <summary>
/// The one row whose value changes with every write of what pages and charts show, in the writing transaction, so
/// every process sharing the database can tell whether what it built earlier is still current by reading one row.
/// </summary>
public sealed class DataStamp
{
    public const int SingleId = 1;

    public int Id { get; set; }

    public long Value { get; set; }
}
