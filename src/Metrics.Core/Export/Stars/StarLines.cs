using System.Globalization;
using Metrics.Core.Series;

namespace Metrics.Core.Export.Stars;

/// <summary>
/// Formats each star_gains row as the stars dataset's two tidy lines (the day's gain, then the running total), the
/// same bytes <see cref="TidyRowMap"/> writes through CsvHelper: a repository's text cells are escaped once when its
/// rows start, so a line is the day, a prefix, the number and a suffix. The running sum starts at the repository's
/// first day even when the export starts later, so "stars" is the real count; each source keeps its own.
/// </summary>
internal sealed class StarLines(IReadOnlyDictionary<int, ExportRepository> repositories, ProjectNames names, ExportFilter filter)
{
    /// <summary>The most one row's two lines take: every text cell is at most <see cref="CsvCells.MaxCellBytes"/>.</summary>
    public const int MaxRowBytes = 2 * (10 + 8 * (CsvCells.MaxCellBytes + 1) + 32);

    public const string Gained = "stars_gained";
    public const string Cumulative = "stars";

    private readonly CsvCells _cells = new();
    private readonly int _from = filter.From?.DayNumber ?? int.MinValue;
    private readonly int _to = filter.To?.DayNumber ?? int.MaxValue;
    private readonly byte[] _day = new byte[10];
    private int _dayNumber = -1;

    private int _current = -1;
    private ExportRepository? _repository;
    private byte[] _gainedPrefix = [];
    private byte[] _totalPrefix = [];

    // The current repository's sources: index into the batch's source names, running total, escaped line ending.
    private int[] _slotSource = new int[4];
    private long[] _slotTotal = new long[4];
    private byte[]?[] _slotSuffix = new byte[]?[4];
    private int _slots;

    public long Lines { get; private set; }

    /// <summary>Writes the row's lines at <paramref name="at"/> (<see cref="MaxRowBytes"/> must be free there); returns the new end.</summary>
    public int Append(Span<byte> buffer, int at, StarGainBatch batch, int row)
    {
        var repository = batch.Repository[row];
        if (repository != _current)
        {
            Start(repository);
        }

        var slot = Slot(batch.Source[row]);
        var gained = batch.Gained[row];
        var total = _slotTotal[slot] += gained;
        var day = batch.Day[row];
        if (_repository is null || day < _from || day > _to)
        {
            return at;
        }

        var suffix = _slotSuffix[slot] ??= Suffix(batch.Sources[batch.Source[row]]);
        if (day != _dayNumber)
        {
            FormatDay(day);
        }

        at = Line(buffer, at, _gainedPrefix, gained, suffix);
        at = Line(buffer, at, _totalPrefix, total, suffix);
        Lines += 2;
        return at;
    }

    private void Start(int repository)
    {
        _current = repository;
        _slots = 0;
        _repository = repositories.GetValueOrDefault(repository);
        if (_repository is { } r)
        {
            var cells = "," + Cell(r.ProjectId) + "," + Cell(r.Forge) + "," + Cell(r.FullName) + ",";
            _gainedPrefix = Bytes(cells + Cell(Gained) + ",");
            _totalPrefix = Bytes(cells + Cell(Cumulative) + ",");
        }
    }

    private int Slot(int source)
    {
        for (var i = 0; i < _slots; i++)
        {
            if (_slotSource[i] == source)
            {
                return i;
            }
        }

        if (_slots == _slotSource.Length)
        {
            Array.Resize(ref _slotSource, _slots * 2);
            Array.Resize(ref _slotTotal, _slots * 2);
            Array.Resize(ref _slotSuffix, _slots * 2);
        }

        (_slotSource[_slots], _slotTotal[_slots], _slotSuffix[_slots]) = (source, 0, null);
        return _slots++;
    }

    // A history not yet read to its start says so in every row: its running sum starts where the stored part does.
    private byte[] Suffix(string source)
    {
        var r = _repository!;
        var marked = r.PartialStars ? source + StarHistoryCompleteness.PartialSuffix : source;
        return [.. Bytes("," + Cell(marked) + "," + Cell(r.Simulated ? "true" : "false") + "," + Cell(names.Of(r.ProjectId))), .. _cells.Newline];
    }

    private string Cell(string text) => System.Text.Encoding.UTF8.GetString(_cells.Escape(text));

    private static byte[] Bytes(string text) => System.Text.Encoding.UTF8.GetBytes(text);

    private void FormatDay(int dayNumber)
    {
        var (year, month, day) = DateOnly.FromDayNumber(dayNumber);
        Two(0, year / 100);
        Two(2, year % 100);
        _day[4] = (byte)'-';
        Two(5, month);
        _day[7] = (byte)'-';
        Two(8, day);
        _dayNumber = dayNumber;
    }

    private void Two(int at, int value) => (_day[at], _day[at + 1]) = ((byte)('0' + value / 10), (byte)('0' + value % 10));

    private int Line(Span<byte> buffer, int at, byte[] prefix, long value, byte[] suffix)
    {
        _day.CopyTo(buffer[at..]);
        at += _day.Length;
        prefix.CopyTo(buffer[at..]);
        at += prefix.Length;
        at += Number(buffer[at..], value);
        suffix.CopyTo(buffer[at..]);
        return at + suffix.Length;
    }

    /// <summary>As the tidy rows' double value is written: the same digits for any whole number below 10^15, the double's form beyond.</summary>
    private static int Number(Span<byte> buffer, long value)
    {
        int written;
        _ = value is > -1_000_000_000_000_000 and < 1_000_000_000_000_000
            ? value.TryFormat(buffer, out written, default, CultureInfo.InvariantCulture)
            : ((double)value).TryFormat(buffer, out written, default, CultureInfo.InvariantCulture);
        return written;
    }
}
