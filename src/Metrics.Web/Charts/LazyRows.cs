using System.Collections;
using Metrics.Core.Export;

namespace Metrics.Web.Charts;

/// <summary>
/// A chart's CSV rows, made on first use: images and specifications never read them, and for twenty projects they
/// are fifty thousand objects per drawing.
/// </summary>
internal sealed class LazyRows(Func<IEnumerable<TidyRow>> make) : IReadOnlyList<TidyRow>
{
    private readonly Lazy<List<TidyRow>> _rows = new(() => [.. make()]);

    public int Count => _rows.Value.Count;

    public TidyRow this[int index] => _rows.Value[index];

    public IEnumerator<TidyRow> GetEnumerator() => _rows.Value.GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
