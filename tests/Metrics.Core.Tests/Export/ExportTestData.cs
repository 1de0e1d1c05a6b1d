using System.Text;
using CsvHelper;
using Metrics.Core.Export;
using Metrics.Core.Mirrors;
using Metrics.Core.Storage;
using Metrics.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Metrics.Core.Tests.Export;

/// <summary>Runs a dataset export into memory and parses it back, the way a user's spreadsheet or script would.</summary>
internal static class Exports
{
    public static Task<byte[]> BytesAsync(TestDatabase database, string dataset, ExportFilter filter, bool bom = false) => database.InScopeAsync(async s =>
    {
        var db = s.GetRequiredService<MetricsDbContext>();
        var exporter = new DatasetExporter(db, new MirrorComparison(db, Options.Create(new MirrorOptions())));
        using var stream = new MemoryStream();
        await exporter.WriteAsync(dataset, filter, stream, bom, CancellationToken.None);
        return stream.ToArray();
    });

    public static List<Dictionary<string, string>> Parse(byte[] bytes)
    {
        using var reader = CsvReader.Create(bytes, new CsvReaderOptions { HasHeader = true });
        var rows = new List<Dictionary<string, string>>();
        while (reader.Read())
        {
            rows.Add(reader.Headers.Select((h, i) => (h, i)).ToDictionary(x => x.h, x => reader.GetString(x.i)));
        }

        return rows;
    }

    public static string Text(byte[] bytes) => new UTF8Encoding(false).GetString(bytes);
}
