using OncoTrial.Statistics;

namespace OncoTrial.Simulation;

/// <summary>
/// The parallel driver shared by the simulations: trials run in fixed chunks of <see cref="ChunkSize"/>, each chunk
/// with its own totals, and the caller adds the chunk totals up in chunk order. Since trial i's draws depend only on
/// (seed, i) and the reduction order is fixed, results do not depend on the number of threads.
/// </summary>
internal static class ChunkedTrials
{
    /// <summary>Trials per work item; fixed so that the reduction order does not depend on the thread count.</summary>
    public const int ChunkSize = 1024;

    /// <summary>Simulates one trial into the chunk's totals, using the worker's scratch buffers.</summary>
    public delegate void TrialBody<in TBuffers, TTotals>(long trial, TBuffers buffers, ref TTotals totals);

    /// <summary>
    /// Throws <see cref="ArgumentException"/> listing every scenario problem and every problem of
    /// <see cref="SimulationRun.Validate"/>, one per line; an <see cref="ArgumentOutOfRangeException"/> when only the
    /// trial or thread count is bad.
    /// </summary>
    public static void Validate(IReadOnlyList<Problem> scenarioProblems, string scenarioArgument, long trials, int? maxThreads)
    {
        var run = SimulationRun.Validate(trials, maxThreads);
        if (scenarioProblems.Count > 0)
        {
            throw new ArgumentException(string.Join(Environment.NewLine, scenarioProblems.Concat(run)), scenarioArgument);
        }

        if (run.Count > 0)
        {
            throw new ArgumentOutOfRangeException(run[0].Option == "trials" ? nameof(trials) : nameof(maxThreads), string.Join(Environment.NewLine, run));
        }
    }

    /// <summary>
    /// Runs trials 0 … <paramref name="trials"/> − 1 on up to <paramref name="maxThreads"/> threads (null = every core),
    /// checking <paramref name="cancellationToken"/> every 64 trials and reporting the completed fraction after each
    /// chunk; returns the totals of each chunk, in chunk order.
    /// </summary>
    public static TTotals[] Run<TBuffers, TTotals>(
        long trials,
        Func<TBuffers> newBuffers,
        Func<TTotals> newTotals,
        TrialBody<TBuffers, TTotals> body,
        int? maxThreads,
        IProgress<double>? progress,
        CancellationToken cancellationToken)
    {
        long chunkCount = (trials + ChunkSize - 1) / ChunkSize;
        var chunks = new TTotals[chunkCount];
        long done = 0;
        var parallel = new ParallelOptions { CancellationToken = cancellationToken, MaxDegreeOfParallelism = maxThreads ?? -1 };
        Parallel.For(0L, chunkCount, parallel, newBuffers, (c, state, buffers) =>
        {
            long first = c * ChunkSize;
            long last = Math.Min(trials, first + ChunkSize);
            TTotals totals = newTotals();
            for (long i = first; i < last; i++)
            {
                if ((i & 63) == 0)
                {
                    cancellationToken.ThrowIfCancellationRequested();
                }

                body(i, buffers, ref totals);
            }

            chunks[c] = totals;
            long finished = Interlocked.Increment(ref done);
            progress?.Report((double)finished / chunkCount);
            return buffers;
        }, _ => { });
        return chunks;
    }
}
