using Metrics.Core.Storage.Bulk;

namespace Metrics.Core.Tests.Storage;

/// <summary>The bytes of PostgreSQL's binary COPY format, as its documentation lays them out ("COPY", Binary Format).</summary>
public sealed class CopyRowWriterTests
{
    [Fact]
    public void A_row_is_its_field_count_then_each_field_as_length_and_big_endian_bytes()
    {
        var rows = new CopyRowWriter();
        rows.Header();
        rows.StartRow(5);
        rows.Int32(7);
        rows.Date(new DateOnly(2000, 1, 2));
        rows.Text("é");
        rows.Int64(-2);
        rows.Null();
        rows.Trailer();

        byte[] expected =
        [
            .. "PGCOPY\n"u8, 0xFF, .. "\r\n"u8, 0, 0, 0, 0, 0, 0, 0, 0, 0,
            0, 5,
            0, 0, 0, 4, 0, 0, 0, 7,
            0, 0, 0, 4, 0, 0, 0, 1, // days since 2000-01-01
            0, 0, 0, 2, 0xC3, 0xA9,
            0, 0, 0, 8, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFE,
            0xFF, 0xFF, 0xFF, 0xFF,
            0xFF, 0xFF,
        ];
        Assert.Equal(expected, rows.Written.ToArray());
    }

    [Fact]
    public void Instants_count_microseconds_from_2000_and_the_extremes_are_infinity()
    {
        var rows = new CopyRowWriter();
        rows.TimestampTz(new DateTime(2000, 1, 1, 0, 0, 1, DateTimeKind.Utc).AddTicks(5));
        rows.TimestampTz(DateTime.MaxValue);
        rows.Date(DateOnly.MinValue);

        Assert.Equal(
            [0, 0, 0, 8, 0, 0, 0, 0, 0, 0x0F, 0x42, 0x40, 0, 0, 0, 8, 0x7F, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0, 0, 0, 4, 0x80, 0, 0, 0],
            rows.Written.ToArray());
    }

    [Fact]
    public void A_text_longer_than_the_buffer_is_written_whole()
    {
        var rows = new CopyRowWriter();
        var text = new string('界', CopyRowWriter.FlushAt);

        rows.Text(text);

        Assert.True(rows.Full);
        Assert.Equal(4 + (3 * text.Length), rows.Written.Length);
        Assert.Equal(text, System.Text.Encoding.UTF8.GetString(rows.Written.Span[4..]));
    }
}
