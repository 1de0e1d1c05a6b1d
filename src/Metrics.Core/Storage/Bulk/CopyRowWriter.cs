using System.Buffers.Binary;
using System.Text;

namespace Metrics.Core.Storage.Bulk;

/// <summary>
/// Rows in PostgreSQL's binary COPY format, encoded here into one reused buffer. Npgsql's importer resolves and binds a
/// parameter for every value, 2 µs of client CPU per four-column row: on a two-core machine the client, not the
/// server, set the pace of a fresh ingest (docs/benchmarks.md, ingest). The format is PostgreSQL's "Binary Format" of
/// COPY: a signature, then per row a 16-bit field count and per field a 32-bit length (−1 for NULL) and the bytes in
/// the type's binary send form, big-endian.
/// </summary>
internal sealed class CopyRowWriter : IRowValues
{
    /// <summary>A buffer this full is sent: a few socket writes per batch, and a bounded buffer whatever the row.</summary>
    public const int FlushAt = 1 << 16;

    // "PGCOPY\n\377\r\n\0"
    private static readonly byte[] Signature = [0x50, 0x47, 0x43, 0x4F, 0x50, 0x59, 0x0A, 0xFF, 0x0D, 0x0A, 0x00];

    // PostgreSQL counts days and microseconds from 2000-01-01; int.MinValue/MaxValue (long for timestamps) are its
    // -infinity and infinity, which Npgsql writes for .NET's MinValue and MaxValue.
    private static readonly int PostgresEpochDay = new DateOnly(2000, 1, 1).DayNumber;
    private static readonly long PostgresEpochTicks = new DateTime(2000, 1, 1, 0, 0, 0, DateTimeKind.Utc).Ticks;

    private byte[] _buffer = new byte[FlushAt + 1024];
    private int _length;

    public ReadOnlyMemory<byte> Written => _buffer.AsMemory(0, _length);

    public bool Full => _length >= FlushAt;

    public void Clear() => _length = 0;

    public void Header()
    {
        Span(Signature.Length + 8);
        Signature.CopyTo(_buffer, _length);
        _length += Signature.Length;
        Int32Raw(0); // flags
        Int32Raw(0); // header extension length
    }

    public void Trailer() => Int16Raw(-1);

    public void StartRow(int fields) => Int16Raw((short)fields);

    public void Null() => Int32Raw(-1);

    public void Int32(int value)
    {
        Int32Raw(4);
        Int32Raw(value);
    }

    public void Int64(long value)
    {
        Int32Raw(8);
        Int64Raw(value);
    }

    public void Bool(bool value)
    {
        Int32Raw(1);
        Span(1)[0] = value ? (byte)1 : (byte)0;
        _length += 1;
    }

    public void Date(DateOnly value)
    {
        Int32Raw(4);
        Int32Raw(value == DateOnly.MinValue ? int.MinValue
            : value == DateOnly.MaxValue ? int.MaxValue
            : value.DayNumber - PostgresEpochDay);
    }

    /// <summary>A timestamptz: the instant as UTC, whatever its <see cref="DateTime.Kind"/> says (entities hold UTC).</summary>
    public void TimestampTz(DateTime value)
    {
        Int32Raw(8);
        Int64Raw(value == DateTime.MinValue ? long.MinValue
            : value == DateTime.MaxValue ? long.MaxValue
            : (value.Ticks - PostgresEpochTicks) / TimeSpan.TicksPerMicrosecond);
    }

    public void Text(string value)
    {
        var bytes = Encoding.UTF8.GetByteCount(value);
        Int32Raw(bytes);
        Encoding.UTF8.GetBytes(value, Span(bytes));
        _length += bytes;
    }

    private void Int16Raw(short value)
    {
        BinaryPrimitives.WriteInt16BigEndian(Span(2), value);
        _length += 2;
    }

    private void Int32Raw(int value)
    {
        BinaryPrimitives.WriteInt32BigEndian(Span(4), value);
        _length += 4;
    }

    private void Int64Raw(long value)
    {
        BinaryPrimitives.WriteInt64BigEndian(Span(8), value);
        _length += 8;
    }

    private Span<byte> Span(int size)
    {
        if (_length + size > _buffer.Length)
        {
            // Only a single long text grows the buffer past its flush size.
            Array.Resize(ref _buffer, Math.Max(_buffer.Length * 2, _length + size));
        }

        return _buffer.AsSpan(_length, size);
    }
}
