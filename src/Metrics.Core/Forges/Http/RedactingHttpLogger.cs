using Microsoft.Extensions.Http.Logging;
using Microsoft.Extensions.Logging;

namespace Metrics.Core.Forges.Http;

/// <summary>
/// Replaces IHttpClientFactory's request logging, which writes the full URL: Gitee's token travels in the query
/// string, so every URL is redacted before it reaches a log line. Headers are never logged.
/// </summary>
internal sealed partial class RedactingHttpLogger(ILogger logger) : IHttpClientLogger
{
    public object? LogRequestStart(HttpRequestMessage request) => null;

    public void LogRequestStop(object? context, HttpRequestMessage request, HttpResponseMessage response, TimeSpan elapsed) =>
        LogRequest(request.Method.Method, Redact(request), (int)response.StatusCode, elapsed.TotalMilliseconds);

    public void LogRequestFailed(object? context, HttpRequestMessage request, HttpResponseMessage? response, Exception exception, TimeSpan elapsed) =>
        LogFailed(request.Method.Method, Redact(request), SecretRedactor.RedactText(exception.Message));

    private static string Redact(HttpRequestMessage request) => request.RequestUri is { } uri ? SecretRedactor.RedactUri(uri) : "";

    [LoggerMessage(Level = LogLevel.Debug, Message = "{Method} {Url} answered {Status} in {Milliseconds:0} ms")]
    private partial void LogRequest(string method, string url, int status, double milliseconds);

    [LoggerMessage(Level = LogLevel.Information, Message = "{Method} {Url} failed: {Error}")]
    private partial void LogFailed(string method, string url, string error);
}
