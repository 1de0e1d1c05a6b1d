using System.CommandLine;
using System.Globalization;
using Metrics.Core.Export;
using Microsoft.Extensions.DependencyInjection;

namespace Metrics.Cli.Commands;

internal static class ExportCommand
{
    public static Command Create()
    {
        var dataset = new Option<string>("--dataset")
        {
            Description = "What to export: " + string.Join(", ", Datasets.All.Select(d => $"{d} ({Datasets.Describe(d)})")),
            Required = true,
        };
        dataset.AcceptOnlyFromAmong([.. Datasets.All]);
        var projects = new Option<string[]>("--project") { Description = "Only this project (repeatable; a project id from seeds/projects.json)." };
        var from = new Option<string?>("--from") { Description = "First day, YYYY-MM-DD (inclusive)." };
        var to = new Option<string?>("--to") { Description = "Last day, YYYY-MM-DD (inclusive)." };
        var output = new Option<FileInfo?>("--out") { Description = "Write to this file instead of standard output." };
        var bom = new Option<bool>("--bom") { Description = "Start with a UTF-8 byte-order mark, so Excel reads Chinese text correctly." };
        var lang = new Option<string?>("--lang")
        {
            Description = "Language of project names and milestone titles and descriptions: en (default) or zh-CN. Headers and codes stay English.",
        };
        var command = new Command("export",
            "Write a dataset as CSV (UTF-8; tidy long format date,project,forge,repository,metric,value,source,simulated,project_name for series), " +
            "streamed row by row. Text cells starting with = + - @ are prefixed with ' so spreadsheets do not run them as formulas.")
        {
            dataset, projects, from, to, output, bom, lang,
        };
        command.SetAction((parse, cancellationToken) => CliHost.RunAsync(async services =>
        {
            var error = parse.InvocationConfiguration.Error;
            if (!TryDate(parse.GetValue(from), out var fromDay) || !TryDate(parse.GetValue(to), out var toDay))
            {
                await error.WriteLineAsync("error: --from and --to take a date as YYYY-MM-DD.");
                return ExitCodes.InvalidInput;
            }

            if (fromDay > toDay)
            {
                await error.WriteLineAsync($"error: --from {fromDay:yyyy-MM-dd} is after --to {toDay:yyyy-MM-dd}.");
                return ExitCodes.InvalidInput;
            }

            if (!ExportLanguage.TryParse(parse.GetValue(lang), out var language))
            {
                await error.WriteLineAsync($"error: --lang takes {string.Join(" or ", ExportLanguage.Known)}, not '{parse.GetValue(lang)}'.");
                return ExitCodes.InvalidInput;
            }

            var file = parse.GetValue(output);
            if (OutProblem(file) is { } problem)
            {
                await error.WriteLineAsync($"error: --out {problem}");
                return ExitCodes.InvalidInput;
            }

            var ids = parse.GetValue(projects) ?? [];
            var unknown = await CollectionPrinter.UnknownProjectsAsync(services, ids, cancellationToken);
            if (unknown.Count > 0)
            {
                await error.WriteLineAsync($"error: unknown project(s): {string.Join(", ", unknown)}");
                return ExitCodes.InvalidInput;
            }

            var filter = new ExportFilter(ids, fromDay, toDay);
            var exporter = services.GetRequiredService<DatasetExporter>();
            long rows;
            if (file is null)
            {
                await using var stdout = new TextWriterStream(parse.InvocationConfiguration.Output);
                rows = await exporter.WriteAsync(parse.GetValue(dataset)!, filter, language, stdout, parse.GetValue(bom), cancellationToken);
            }
            else
            {
                await using var stream = file.Create();
                rows = await exporter.WriteAsync(parse.GetValue(dataset)!, filter, language, stream, parse.GetValue(bom), cancellationToken);
                await parse.InvocationConfiguration.Output.WriteLineAsync($"Wrote {rows:N0} rows to {file.FullName}.");
            }

            // On standard error when the CSV itself goes to standard output, so the file stays clean.
            await SimulatedWarning.WriteAsync(services, file is null ? error : parse.InvocationConfiguration.Output, ids, cancellationToken);

            return ExitCodes.Success;
        }, parse.InvocationConfiguration.Error));
        return command;
    }

    // Checked before anything is read, so a typo costs nothing and leaves no half-written file.
    private static string? OutProblem(FileInfo? file) => file switch
    {
        null => null,
        _ when Directory.Exists(file.FullName) => $"{file.FullName} is a folder; give a file name.",
        _ when !Directory.Exists(file.DirectoryName) => $"folder {file.DirectoryName} does not exist.",
        _ => null,
    };

    private static bool TryDate(string? text, out DateOnly? day)
    {
        day = null;
        if (string.IsNullOrEmpty(text))
        {
            return true;
        }

        var ok = DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var parsed);
        day = ok ? parsed : null;
        return ok;
    }
}

/// <summary>CSV bytes to a text writer (standard output, or a test's writer), decoded as UTF-8 as they come.</summary>
internal sealed class TextWriterStream(TextWriter writer) : Stream
{
    private readonly System.Text.Decoder _decoder = new System.Text.UTF8Encoding(false).GetDecoder();

    public override bool CanRead => false;
    public override bool CanSeek => false;
    public override bool CanWrite => true;
    public override long Length => throw new NotSupportedException();
    public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

    public override void Write(byte[] buffer, int offset, int count) => Write(buffer.AsSpan(offset, count));

    public override void Write(ReadOnlySpan<byte> buffer)
    {
        var chars = new char[_decoder.GetCharCount(buffer, flush: false)];
        _decoder.GetChars(buffer, chars, flush: false);
        writer.Write(chars);
    }

    public override ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
    {
        Write(buffer.Span);
        return ValueTask.CompletedTask;
    }

    public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        WriteAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override void Flush() => writer.Flush();

    public override Task FlushAsync(CancellationToken cancellationToken) => writer.FlushAsync(cancellationToken);

    public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
    public override void SetLength(long value) => throw new NotSupportedException();
}
