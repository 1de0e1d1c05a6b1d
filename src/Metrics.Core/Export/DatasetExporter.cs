using System.Globalization;
using Metrics.Core.Mirrors;
using Metrics.Core.Storage;

namespace Metrics.Core.Export;

/// <summary>Writes a whole dataset as CSV to a stream, row by row; used by <c>GET /export/{dataset}.csv</c> and <c>metrics export</c>.</summary>
public sealed class DatasetExporter(MetricsDbContext db, MirrorComparison mirrors)
{
    public static bool IsKnown(string dataset) => Datasets.All.Contains(dataset);

    /// <returns>The number of data rows written.</returns>
    public Task<long> WriteAsync(string dataset, ExportFilter filter, Stream stream, bool byteOrderMark, CancellationToken cancellationToken) =>
        WriteAsync(dataset, filter, ExportLanguage.English, stream, byteOrderMark, cancellationToken);

    /// <summary>The same, with text cells (project names, milestone titles and descriptions) in <paramref name="language"/>.</summary>
    public async Task<long> WriteAsync(
        string dataset, ExportFilter filter, CultureInfo language, Stream stream, bool byteOrderMark, CancellationToken cancellationToken)
    {
        if (!IsKnown(dataset))
        {
            throw new ArgumentException($"Unknown dataset '{dataset}'. Known: {string.Join(", ", Datasets.All)}.", nameof(dataset));
        }

        var names = dataset == Datasets.Milestones ? ProjectNames.None : await ProjectNames.LoadAsync(db, language, cancellationToken);
        var tidy = new TidyRowMap(names);
        return await (dataset switch
        {
            Datasets.Stars => Stars.StarsCsv.WriteAsync(db, filter, tidy, stream, byteOrderMark, cancellationToken),
            Datasets.Snapshots => CsvExport.WriteAsync(stream, tidy, SnapshotRows.ReadAsync(db, filter, cancellationToken), byteOrderMark, cancellationToken),
            Datasets.Releases => CsvExport.WriteAsync(stream, new ReleaseRowMap(names), ReleaseRows.ReadAsync(db, filter, cancellationToken), byteOrderMark, cancellationToken),
            Datasets.Contributors => CsvExport.WriteAsync(stream, new ContributorRowMap(names), ContributorRows.ReadAsync(db, filter, cancellationToken), byteOrderMark, cancellationToken),
            Datasets.Milestones => CsvExport.WriteAsync(stream, MilestoneRowMap.Instance, MilestoneRows.ReadAsync(db, filter, language, cancellationToken), byteOrderMark, cancellationToken),
            Datasets.Mirrors => CsvExport.WriteAsync(stream, tidy, MirrorRows.ReadAsync(db, mirrors, filter, cancellationToken), byteOrderMark, cancellationToken),
            Datasets.ContributorGrowth => CsvExport.WriteAsync(stream, tidy, ContributorGrowthRows.ReadAsync(db, filter, cancellationToken), byteOrderMark, cancellationToken),
            _ => throw new System.Diagnostics.UnreachableException(dataset),
        });
    }
}
