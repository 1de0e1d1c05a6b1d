using System.Runtime.InteropServices;
using SQLitePCL;

namespace Metrics.Core.Series;

/// <summary>
/// SQLite's column calls made straight into the same native library SQLitePCLRaw loaded (e_sqlite3), without its
/// provider's dispatch and without a GC transition: each is a few instructions that neither blocks nor calls back, and
/// reading a chart's star rows makes half a million of them. Through SQLitePCLRaw they were 50–70 ms of a 20-project
/// chart; here 35 ms (docs/benchmarks.md, "Chart latency"). <see cref="Available"/> is false, and the caller keeps to
/// SQLitePCLRaw, wherever the library cannot be found by this name or is not the same SQLite.
/// </summary>
internal static unsafe class SqliteNative
{
    private const string Library = "e_sqlite3";

    public static bool Available { get; } = Probe();

    /// <summary>Not without a GC transition: a step reads pages and may wait on a lock.</summary>
    [DllImport(Library, EntryPoint = "sqlite3_step", CallingConvention = CallingConvention.Cdecl)]
    public static extern int Step(nint statement);

    [DllImport(Library, EntryPoint = "sqlite3_column_int", CallingConvention = CallingConvention.Cdecl), SuppressGCTransition]
    public static extern int Int32(nint statement, int column);

    [DllImport(Library, EntryPoint = "sqlite3_column_int64", CallingConvention = CallingConvention.Cdecl), SuppressGCTransition]
    public static extern long Int64(nint statement, int column);

    /// <summary>The value's bytes (a text's UTF-8, unconverted), valid until the next step.</summary>
    public static ReadOnlySpan<byte> Bytes(nint statement, int column)
    {
        var start = Blob(statement, column);
        return start == 0 ? [] : new ReadOnlySpan<byte>((void*)start, ColumnBytes(statement, column));
    }

    [DllImport(Library, EntryPoint = "sqlite3_column_blob", CallingConvention = CallingConvention.Cdecl), SuppressGCTransition]
    private static extern nint Blob(nint statement, int column);

    [DllImport(Library, EntryPoint = "sqlite3_column_bytes", CallingConvention = CallingConvention.Cdecl), SuppressGCTransition]
    private static extern int ColumnBytes(nint statement, int column);

    [DllImport(Library, EntryPoint = "sqlite3_libversion_number", CallingConvention = CallingConvention.Cdecl)]
    private static extern int VersionNumber();

    private static bool Probe()
    {
        try
        {
            return VersionNumber() == raw.sqlite3_libversion_number();
        }
        catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException or BadImageFormatException)
        {
            return false;
        }
    }
}
