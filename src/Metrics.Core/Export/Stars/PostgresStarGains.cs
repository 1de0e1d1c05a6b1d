using System.Buffers.Binary;
using Npgsql;

namespace Metrics.Core.Export.Stars;

/// <summary>
/// The query as a binary COPY, its tuples parsed straight from the stream's bytes: PostgreSQL sends fixed-width
/// integers and days instead of text, and the client decodes each row with a few reads instead of a data reader's
/// per-column calls.
/// </summary>
internal sealed class PostgresStarGains : StarGainSource
{
    private static readonly byte[] Signature = [(byte)'P', (byte)'G', (byte)'C', (byte)'O', (byte)'P', (byte)'Y', (byte)'\n', 0xFF, (byte)'\r', (byte)'\n', 0];
    private static readonly int Epoch = new DateOnly(2000, 1, 1).DayNumber;

    private readonly NpgsqlRawCopyStream _copy;
    private readonly byte[] _buffer = new byte[1 << 16];
    private int _start;
    private int _end;
    private bool _headerRead;
    private bool _done;

    private PostgresStarGains(NpgsqlRawCopyStream copy) => _copy = copy;

    public static async Task<PostgresStarGains> OpenAsync(NpgsqlConnection connection, string query, CancellationToken cancellationToken) =>
        new(await connection.BeginRawBinaryCopyAsync($"COPY ({query}) TO STDOUT (FORMAT BINARY)", cancellationToken));

    public override async ValueTask<bool> FillAsync(StarGainBatch batch, CancellationToken cancellationToken)
    {
        batch.Count = 0;
        while (!_done && batch.Count < StarGainBatch.Capacity)
        {
            if (!(_headerRead ? ParseRows(batch) : ParseHeader()) && !_done && !await RefillAsync(cancellationToken))
            {
                throw new InvalidDataException("The binary COPY of star_gains ended before its trailer.");
            }
        }

        return !_done;
    }

    /// <summary>Parses whole tuples while they are buffered; false when the next one is incomplete.</summary>
    private bool ParseRows(StarGainBatch batch)
    {
        var data = _buffer.AsSpan(_start, _end - _start);
        var at = 0;
        var count = batch.Count;
        try
        {
            while (count < StarGainBatch.Capacity)
            {
                if (data.Length - at < 2)
                {
                    return false;
                }

                var fields = BinaryPrimitives.ReadInt16BigEndian(data[at..]);
                if (fields == -1)
                {
                    at += 2;
                    _done = true;
                    return true;
                }

                // Fields: repository int4, day date (int4 days since 2000-01-01), source text, gained int8; none null.
                const int fixedBytes = 2 + 8 + 8 + 4 + 12;
                if (data.Length - at < fixedBytes)
                {
                    return false;
                }

                var sourceLength = BinaryPrimitives.ReadInt32BigEndian(data[(at + 18)..]);
                if (fields != 4 || sourceLength < 0 || BinaryPrimitives.ReadInt32BigEndian(data[(at + 2)..]) != 4 || BinaryPrimitives.ReadInt32BigEndian(data[(at + 10)..]) != 4)
                {
                    throw new InvalidDataException("Unexpected tuple in the binary COPY of star_gains.");
                }

                if (data.Length - at < fixedBytes + sourceLength)
                {
                    return false;
                }

                if (BinaryPrimitives.ReadInt32BigEndian(data[(at + 22 + sourceLength)..]) != 8)
                {
                    throw new InvalidDataException("Unexpected tuple in the binary COPY of star_gains.");
                }

                batch.Repository[count] = BinaryPrimitives.ReadInt32BigEndian(data[(at + 6)..]);
                batch.Day[count] = Day(BinaryPrimitives.ReadInt32BigEndian(data[(at + 14)..]));
                batch.Source[count] = Source(data.Slice(at + 22, sourceLength), batch);
                batch.Gained[count] = BinaryPrimitives.ReadInt64BigEndian(data[(at + 26 + sourceLength)..]);
                at += fixedBytes + sourceLength;
                count++;
            }

            return true;
        }
        finally
        {
            batch.Count = count;
            _start += at;
        }
    }

    private bool ParseHeader()
    {
        const int fixedBytes = 11 + 4 + 4;
        if (_end - _start < fixedBytes)
        {
            return false;
        }

        var data = _buffer.AsSpan(_start, _end - _start);
        if (!data[..11].SequenceEqual(Signature))
        {
            throw new InvalidDataException("The binary COPY of star_gains has no PGCOPY signature.");
        }

        var extension = BinaryPrimitives.ReadInt32BigEndian(data[15..]);
        if (data.Length < fixedBytes + extension)
        {
            return false;
        }

        _start += fixedBytes + extension;
        _headerRead = true;
        return true;
    }

    private static int Day(int sinceEpoch)
    {
        var day = (long)Epoch + sinceEpoch;
        return day >= DateOnly.MinValue.DayNumber && day <= DateOnly.MaxValue.DayNumber
            ? (int)day
            : throw new InvalidDataException("A star_gains day is outside the range of dates (infinity?).");
    }

    private async ValueTask<bool> RefillAsync(CancellationToken cancellationToken)
    {
        // Keep the incomplete tuple: move it to the front, then read behind it.
        _buffer.AsSpan(_start, _end - _start).CopyTo(_buffer);
        (_end, _start) = (_end - _start, 0);
        var read = await _copy.ReadAsync(_buffer.AsMemory(_end), cancellationToken);
        _end += read;
        return read > 0;
    }

    public override async ValueTask DisposeAsync()
    {
        // Read to the end after the trailer, so disposing closes the COPY cleanly; before it (an aborted export),
        // disposing cancels the server's query instead.
        if (_done)
        {
            while (await _copy.ReadAsync(_buffer, CancellationToken.None) > 0)
            {
            }
        }

        await _copy.DisposeAsync();
    }
}
