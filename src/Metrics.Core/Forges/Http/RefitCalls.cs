using System.Runtime.ExceptionServices;
using Refit;

namespace Metrics.Core.Forges.Http;

/// <summary>What every Refit-based forge reader does with an answer before looking at its status.</summary>
internal static class RefitCalls
{
    /// <summary>
    /// Refit wraps what the pipeline threw (a rate-limit deferral, retries that ran out) in its own exception; the
    /// collection service decides by the original, so it is rethrown as it was.
    /// </summary>
    public static async Task<IApiResponse<T>> CallAsync<T>(Func<Task<IApiResponse<T>>> call)
    {
        IApiResponse<T> response;
        try
        {
            response = await call();
        }
        catch (ApiRequestException e) when (e.InnerException is not null)
        {
            ExceptionDispatchInfo.Throw(e.InnerException);
            throw;
        }

        if (response.Error is ApiRequestException { InnerException: { } inner })
        {
            response.Dispose();
            ExceptionDispatchInfo.Throw(inner);
        }

        return response;
    }

    /// <summary>A 2xx answer whose body did not deserialize: not transient, so the repository fails with this.</summary>
    public static MalformedAnswerException? Malformed<T>(IApiResponse<T> response, string answered) =>
        response.IsSuccessStatusCode && response.Error is { } error
            ? new MalformedAnswerException($"{answered} with JSON that is not the documented shape: {error.InnerException?.Message ?? error.Message}", error)
            : null;
}
