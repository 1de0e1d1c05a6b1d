using System.Runtime.CompilerServices;

namespace Metrics.Core.Storage.Bulk;

/// <summary>
/// Builds the next batch (reading the caller's rows and removing repeated keys) on a pool thread while the current
/// one is written. Without it the database sat idle while the client built each batch, and the client while the
/// database wrote it: on PostgreSQL the bulk path ran at 0.7× a plain COPY, which streams rows as it makes them
/// (docs/benchmarks.md, ingest). At most three batches are alive: the one written, the one built, and the caller's.
/// </summary>
internal static class BatchReadAhead
{
    public static async IAsyncEnumerable<List<T>> ReadAheadAsync<T>(this IEnumerable<List<T>> batches, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        using var batch = batches.GetEnumerator();

        // The first batch on the caller's thread: most writes are one small batch and gain nothing from a hop.
        List<T>? current = batch.MoveNext() ? batch.Current : null;
        Task<List<T>?>? next = null;
        try
        {
            while (current is not null)
            {
                next = Task.Run(() => batch.MoveNext() ? batch.Current : null, CancellationToken.None);
                yield return current;
                cancellationToken.ThrowIfCancellationRequested();
                current = await next;
                next = null;
            }
        }
        finally
        {
            // The enumerator is disposed only once no thread is still inside it.
            if (next is not null)
            {
                await ((Task)next).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            }
        }
    }
}
