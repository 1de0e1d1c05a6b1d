namespace Metrics.Core.Export.Stars;

/// <summary>
/// A block of star_gains rows in columns, filled by the reading thread and formatted by the writing one; the same few
/// blocks go back and forth, so a whole export allocates nothing per row.
/// </summary>
internal sealed class StarGainBatch
{
    public const int Capacity = 8192;

    public int[] Repository { get; } = new int[Capacity];

    /// <summary><see cref="DateOnly.DayNumber"/> of each row's day.</summary>
    public int[] Day { get; } = new int[Capacity];

    /// <summary>Index into <see cref="Sources"/>.</summary>
    public int[] Source { get; } = new int[Capacity];

    public long[] Gained { get; } = new long[Capacity];

    public int Count { get; set; }

    /// <summary>The source names known when the batch was filled (the reader replaces, never changes, this array).</summary>
    public string[] Sources { get; set; } = [];
}

/// <summary>The distinct source names of one read, looked up from their UTF-8 bytes without a string per row.</summary>
internal sealed class SourceNames
{
    private readonly List<byte[]> _bytes = [];
    private int _last = -1;

    public string[] All { get; private set; } = [];

    public int IndexOf(ReadOnlySpan<byte> utf8)
    {
        // Consecutive rows nearly always share their source.
        if (_last >= 0 && utf8.SequenceEqual(_bytes[_last]))
        {
            return _last;
        }

        for (var i = 0; i < _bytes.Count; i++)
        {
            if (utf8.SequenceEqual(_bytes[i]))
            {
                return _last = i;
            }
        }

        _bytes.Add(utf8.ToArray());
        All = [.. All, System.Text.Encoding.UTF8.GetString(utf8)];
        return _last = _bytes.Count - 1;
    }
}
