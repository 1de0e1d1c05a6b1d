using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Polly;

namespace Metrics.Core.Forges.Http;

/// <summary>The one HTTP pipeline every forge client gets: quota, retries, conditional requests, accounting.</summary>
public static class ForgeHttpExtensions
{
    /// <summary>The pipeline for a registered forge: its quota state and its options' rate limits and retry delay.</summary>
    public static IHttpClientBuilder AddForgePipeline<TOptions>(this IHttpClientBuilder builder, Storage.Entities.Forge forge)
        where TOptions : class, IForgeOptions =>
        builder.AddForgePipeline(
            s => s.GetRequiredKeyedService<RateLimitState>(forge),
            s => s.GetRequiredService<IOptions<TOptions>>().Value.RateLimit,
            s => s.GetRequiredService<IOptions<TOptions>>().Value.RetryDelay);

    internal static IHttpClientBuilder AddForgePipeline(
        this IHttpClientBuilder builder, Func<IServiceProvider, RateLimitState> state, Func<IServiceProvider, RateLimitOptions> options, Func<IServiceProvider, TimeSpan> retryDelay)
    {
        var category = $"Metrics.Forges.Http.{builder.Name}";
        builder
            .RemoveAllLoggers()
            .AddLogger(s => new RedactingHttpLogger(s.GetRequiredService<ILoggerFactory>().CreateLogger(category)), wrapHandlersPipeline: true)
            .ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler
            {
                // Redirects are followed above this handler (Octokit's own handler), which keeps the credentials
                // that .NET would drop on a redirect, so a renamed repository is not fetched anonymously.
                AllowAutoRedirect = false,
                AutomaticDecompression = DecompressionMethods.All,
                PooledConnectionLifetime = TimeSpan.FromMinutes(5),
            })
            .AddHttpMessageHandler(s => new RateLimitHandler(state(s), options(s), s.GetRequiredService<TimeProvider>()));
        builder.AddResilienceHandler("forge", (pipeline, context) => pipeline
            .AddRetry(new HttpRetryStrategyOptions
            {
                MaxRetryAttempts = 4,
                Delay = retryDelay(context.ServiceProvider),
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = retryDelay(context.ServiceProvider) > TimeSpan.Zero,
                ShouldHandle = args => ValueTask.FromResult(IsTransient(args.Outcome)),
            })
            .AddTimeout(TimeSpan.FromSeconds(60)));
        builder.AddHttpMessageHandler(s => new ConditionalRequestHandler(s.GetRequiredService<IHttpCacheStore>()));
        builder.AddHttpMessageHandler(() => new AccountingHandler());
        builder.AddHttpMessageHandler(s => new InFlightLimitHandler(state(s).Slots(options(s).MaxInFlight)));
        return builder;
    }

    // Rate limits (403/429) are the rate-limit handler's business; retrying them here would hammer.
    private static bool IsTransient(Outcome<HttpResponseMessage> outcome) => outcome switch
    {
        { Exception: HttpRequestException or IOException or Polly.Timeout.TimeoutRejectedException } => true,
        { Exception: OperationCanceledException } => false,
        { Result: { } cut } when CompleteJson.IsMarked(cut) => true,
        { Result.StatusCode: HttpStatusCode.InternalServerError or HttpStatusCode.BadGateway or HttpStatusCode.ServiceUnavailable or HttpStatusCode.GatewayTimeout or HttpStatusCode.RequestTimeout } => true,
        _ => false,
    };
}
