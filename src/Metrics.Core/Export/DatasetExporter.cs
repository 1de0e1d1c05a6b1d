using Metrics.Core.Mirrors;
using Metrics.Core.Storage;

namespace Metrics.Core.Export;

/// <summary>Writes a whole dataset as CSV to a stream, row by row; used by <c>GET /export/{dataset}.csv</c> and <c>metrics export</c>.</summary>
public sealed class DatasetExporter(MetricsDbContext db, MirrorComparison mirrors)
{
    public static bool IsKnown(string dataset) => Datasets.All.Contains(dataset);

    /// <returns>The number of data rows written.</returns>
    public Task<long> WriteAsync(string dataset, ExportFilter filter, Stream stream, bool byteOrderMark, CancellationToken cancellationToken) => dataset switch
    {
        Datasets.Stars => CsvExport.WriteAsync(stream, TidyRowMap.Instance, StarRows.ReadAsync(db, filter, cancellationToken), byteOrderMark, cancellationToken),
        Datasets.Snapshots => CsvExport.WriteAsync(stream, TidyRowMap.Instance, SnapshotRows.ReadAsync(db, filter, cancellationToken), byteOrderMark, cancellationToken),
        Datasets.Releases => CsvExport.WriteAsync(stream, ReleaseRowMap.Instance, ReleaseRows.ReadAsync(db, filter, cancellationToken), byteOrderMark, cancellationToken),
        Datasets.Contributors => CsvExport.WriteAsync(stream, ContributorRowMap.Instance, ContributorRows.ReadAsync(db, filter, cancellationToken), byteOrderMark, cancellationToken),
        Datasets.Milestones => CsvExport.WriteAsync(stream, MilestoneRowMap.Instance, MilestoneRows.ReadAsync(db, filter, cancellationToken), byteOrderMark, cancellationToken),
        Datasets.Mirrors => CsvExport.WriteAsync(stream, TidyRowMap.Instance, MirrorRows.ReadAsync(db, mirrors, filter, cancellationToken), byteOrderMark, cancellationToken),
        Datasets.ContributorGrowth => CsvExport.WriteAsync(stream, TidyRowMap.Instance, ContributorGrowthRows.ReadAsync(db, filter, cancellationToken), byteOrderMark, cancellationToken),
        _ => throw new ArgumentException($"Unknown dataset '{dataset}'. Known: {string.Join(", ", Datasets.All)}.", nameof(dataset)),
    };
}
