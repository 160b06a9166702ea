using MathNet.Numerics.Distributions;
using OncoTrial.Statistics;

namespace OncoTrial.Simulation;

/// <summary>
/// Monte Carlo simulation of a single-arm time-to-event trial (<see cref="SingleArmSurvivalScenario"/>): empirical
/// power or type I error of the exponential test on log hazard and of the one-sample log-rank test, and the
/// Kaplan-Meier median with its CI, all from the same statistics code the report uses.
/// </summary>
/// <remarks>
/// <para>Trial i draws from its own Philox4x32-10 stream keyed by the seed (<see cref="TrialRandom"/>), one block
/// per patient: entry = A·u₁; with independent exponential survival (λ) and loss (η), the exit time min(T, L) is
/// Exp(λ + η) and independent of its cause, so exit = −ln(u₂)/(λ + η) and the exit is an event when u₃ &lt; λ/(λ + η)
/// (one logarithm per patient instead of two; the same law as drawing T and L). Trials run in fixed chunks of
/// <see cref="ChunkSize"/> over every core and are reduced in chunk order, so results do not depend on the thread
/// count.</para>
/// <para>Tests (two-sided α): the exponential test on log λ̂, log λ̂ ~ N(log λ, 1/D) (Lawless 2003, §2.2; the
/// design's own test), and Wu's one-sample log-rank test χ² = (O − E)²/E with E = Σ Λ0(Xᵢ) = λ0 Σ Xᵢ (Wu 2015,
/// Pharm Stat 14:26). R: <c>survdiff(Surv(x, d) ~ offset(lambda0 * x))</c>. Monte Carlo standard error of a rate p
/// over R trials: √(p(1 − p)/R).</para>
/// </remarks>
public static class SingleArmSurvivalSimulation
{
    /// <summary>Trials per work item; fixed so that the reduction order does not depend on the thread count.</summary>
    public const int ChunkSize = ChunkedTrials.ChunkSize;

    /// <summary>Simulates <paramref name="trials"/> trials of <paramref name="scenario"/>.</summary>
    /// <param name="scenario">The trial design and the hypothesis that generates the data.</param>
    /// <param name="trials">Number of trials R ≥ 1.</param>
    /// <param name="seed">Seed; trial i's draws depend only on (seed, i).</param>
    /// <param name="maxThreads">Most threads to use (≥ 1); null = every core.</param>
    /// <param name="progress">Receives the completed fraction in [0, 1] after each chunk (from worker threads).</param>
    /// <param name="cancellationToken">Cancels the run; throws <see cref="OperationCanceledException"/>.</param>
    /// <exception cref="ArgumentException">An invalid scenario (every problem listed) or trial count.</exception>
    public static SingleArmSurvivalSimulationResult Run(
        SingleArmSurvivalScenario scenario,
        long trials,
        ulong seed,
        int? maxThreads = null,
        IProgress<double>? progress = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        ChunkedTrials.Validate(scenario.Validate(), nameof(scenario), trials, maxThreads);
        var kernel = new Kernel(scenario);
        long kmTrials = Math.Min(trials, scenario.KaplanMeierTrials ?? trials);
        var medians = new double[kmTrials];
        var chunks = ChunkedTrials.Run(
            trials,
            () => new Buffers(scenario.EvaluablePatients),
            () => default(ChunkTotals),
            (long i, Buffers buffers, ref ChunkTotals totals) => kernel.RunTrial(seed, i, i < kmTrials, buffers, ref totals, medians),
            maxThreads,
            progress,
            cancellationToken);

        ChunkTotals sum = default;
        foreach (var t in chunks)
        {
            sum.Add(t);
        }

        return new SingleArmSurvivalSimulationResult
        {
            Scenario = scenario,
            Seed = seed,
            Trials = trials,
            ExponentialTest = new RejectionSummary(trials, sum.ExpReject, sum.ExpTowardH1, kernel.CriticalValue),
            OneSampleLogRankTest = new RejectionSummary(trials, sum.LrReject, sum.LrTowardH1, kernel.CriticalValue),
            MeanEvents = (double)sum.Events / trials,
            MeanExposure = sum.Exposure / trials,
            MeanAnalysisTime = sum.AnalysisTime / trials,
            PatientsPerTrial = scenario.EvaluablePatients,
            TrialsWithoutEvents = sum.NoEvents,
            TrialsShortOfEventTarget = sum.ShortOfTarget,
            KaplanMeierMedian = new MedianSummary(kmTrials, sum.MedianReached, MedianOf(medians), sum.CiCovers, KaplanMeierOptions.Default),
        };
    }

    private static double? MedianOf(double[] values)
    {
        if (values.Length == 0)
        {
            return null;
        }

        Array.Sort(values);
        int n = values.Length;
        double m = n % 2 == 1 ? values[n / 2] : (values[(n / 2) - 1] + values[n / 2]) / 2;
        return double.IsFinite(m) ? m : null;
    }

    private sealed class Buffers(int patients)
    {
        public double[] Entry { get; } = new double[patients];
        public double[] Survival { get; } = new double[patients];
        public double[] Loss { get; } = new double[patients];
        public double[] CalendarEvents { get; } = new double[patients];
        public double[] Time { get; } = new double[patients];
        public int[] Status { get; } = new int[patients];
    }

    private struct ChunkTotals
    {
        public long ExpReject;
        public long ExpTowardH1;
        public long LrReject;
        public long LrTowardH1;
        public long Events;
        public long NoEvents;
        public long ShortOfTarget;
        public long MedianReached;
        public long CiCovers;
        public double Exposure;
        public double AnalysisTime;

        public void Add(in ChunkTotals o)
        {
            ExpReject += o.ExpReject;
            ExpTowardH1 += o.ExpTowardH1;
            LrReject += o.LrReject;
            LrTowardH1 += o.LrTowardH1;
            Events += o.Events;
            NoEvents += o.NoEvents;
            ShortOfTarget += o.ShortOfTarget;
            MedianReached += o.MedianReached;
            CiCovers += o.CiCovers;
            Exposure += o.Exposure;
            AnalysisTime += o.AnalysisTime;
        }
    }

    private sealed class Kernel
    {
        private readonly int _patients;
        private readonly double _accrual;
        private readonly double _fixedAnalysis;
        private readonly double _inverseTotalHazard;
        private readonly double _eventShare;
        private readonly double _hazard0;
        private readonly double _logHazard0;
        private readonly double _towardH1;
        private readonly double _trueMedian;
        private readonly int? _eventTarget;

        public Kernel(SingleArmSurvivalScenario s)
        {
            _patients = s.EvaluablePatients;
            _accrual = s.Accrual;
            _fixedAnalysis = s.Accrual + s.FollowUp;
            double hazard = s.Hypothesis == SimulatedHypothesis.H0 ? s.HazardH0 : s.HazardH1;
            double lossHazard = s.DropoutModel == DropoutModel.Exponential && s.Dropout > 0 ? -Math.Log(1 - s.Dropout) / s.DropoutTime : 0;
            _inverseTotalHazard = 1 / (hazard + lossHazard);
            _eventShare = lossHazard > 0 ? hazard / (hazard + lossHazard) : 2; // > any uniform: every exit is an event

            _hazard0 = s.HazardH0;
            _logHazard0 = Math.Log(s.HazardH0);
            _towardH1 = s.HazardH1 < s.HazardH0 ? -1 : 1;
            _trueMedian = s.TrueMedian;
            _eventTarget = s.EventsAtAnalysis;
            CriticalValue = Normal.InvCDF(0, 1, 1 - (s.Alpha / 2));
        }

        public double CriticalValue { get; }

        public void RunTrial(ulong seed, long trial, bool fitKaplanMeier, Buffers b, ref ChunkTotals totals, double[] medians)
        {
            var stream = new TrialRandom(seed, trial);
            int n = _patients;
            if (_eventTarget is null && !fitKaplanMeier)
            {
                FastTrial(ref stream, ref totals);
                return;
            }

            double analysis = _fixedAnalysis;
            double[] entry = b.Entry, survival = b.Survival, loss = b.Loss;
            for (int j = 0; j < n; j++)
            {
                var block = stream.NextBlock();
                entry[j] = _accrual * Philox4x32.ToOpenUnit(block.X0);
                double y = -Math.Log(Philox4x32.ToOpenUnit(block.X1)) * _inverseTotalHazard;
                bool isEvent = Philox4x32.ToOpenUnit(block.X2) < _eventShare;
                survival[j] = isEvent ? y : double.PositiveInfinity;
                loss[j] = isEvent ? double.PositiveInfinity : y;
            }

            if (_eventTarget is int target)
            {
                analysis = EventDrivenAnalysisTime(n, target, b, ref totals);
            }

            bool eventDriven = _eventTarget is not null;
            int events = 0;
            double exposure = 0;
            double[] time = b.Time;
            int[] status = b.Status;
            for (int j = 0; j < n; j++)
            {
                // An event-driven analysis also compares calendar times, so the event that triggers it counts.
                double t = survival[j];
                double followUp = analysis - entry[j];
                int d = t <= loss[j] && (t <= followUp || (eventDriven && entry[j] + t <= analysis)) ? 1 : 0;
                double x = Math.Min(t, Math.Min(loss[j], followUp));
                events += d;
                exposure += x;
                time[j] = x;
                status[j] = d;
            }

            totals.Events += events;
            totals.Exposure += exposure;
            totals.AnalysisTime += analysis;
            Analyse(events, exposure, ref totals);

            if (fitKaplanMeier)
            {
                var median = KaplanMeier.Fit(time.AsSpan(0, n), status.AsSpan(0, n)).Median;
                medians[trial] = median.Estimate ?? double.PositiveInfinity;
                if (median.Estimate is not null)
                {
                    totals.MedianReached++;
                }

                if ((median.Lower ?? 0) <= _trueMedian && _trueMedian <= (median.Upper ?? double.PositiveInfinity))
                {
                    totals.CiCovers++;
                }
            }
        }

        /// <summary>The same trial as the general path (same draws), without storing patients: fixed analysis, no KM.</summary>
        private void FastTrial(ref TrialRandom stream, ref ChunkTotals totals)
        {
            int events = 0;
            double exposure = 0;
            for (int j = 0; j < _patients; j++)
            {
                var block = stream.NextBlock();
                double followUp = _fixedAnalysis - (_accrual * Philox4x32.ToOpenUnit(block.X0));
                double y = -Math.Log(Philox4x32.ToOpenUnit(block.X1)) * _inverseTotalHazard;
                bool isEvent = Philox4x32.ToOpenUnit(block.X2) < _eventShare;
                if (y <= followUp)
                {
                    exposure += y;
                    events += isEvent ? 1 : 0;
                }
                else
                {
                    exposure += followUp;
                }
            }

            totals.Events += events;
            totals.Exposure += exposure;
            totals.AnalysisTime += _fixedAnalysis;
            Analyse(events, exposure, ref totals);
        }

        private void Analyse(int events, double exposure, ref ChunkTotals totals)
        {
            if (events == 0)
            {
                totals.NoEvents++;
            }
            else
            {
                double z = (Math.Log(events / exposure) - _logHazard0) * Math.Sqrt(events);
                Count(z, ref totals.ExpReject, ref totals.ExpTowardH1);
            }

            double expected = _hazard0 * exposure;
            if (expected > 0)
            {
                Count((events - expected) / Math.Sqrt(expected), ref totals.LrReject, ref totals.LrTowardH1);
            }
        }

        private void Count(double z, ref long reject, ref long toward)
        {
            if (Math.Abs(z) > CriticalValue)
            {
                reject++;
                if (z * _towardH1 > 0)
                {
                    toward++;
                }
            }
        }

        /// <summary>Calendar time of the target-th event; when fewer occur, the time the last patient is resolved.</summary>
        private static double EventDrivenAnalysisTime(int n, int target, Buffers b, ref ChunkTotals totals)
        {
            double[] cal = b.CalendarEvents;
            int k = 0;
            double lastResolved = 0;
            for (int j = 0; j < n; j++)
            {
                double t = b.Survival[j];
                double l = b.Loss[j];
                if (t <= l)
                {
                    cal[k++] = b.Entry[j] + t;
                }

                lastResolved = Math.Max(lastResolved, b.Entry[j] + Math.Min(t, l));
            }

            if (k < target)
            {
                totals.ShortOfTarget++;
                return lastResolved;
            }

            var events = cal.AsSpan(0, k);
            events.Sort();
            return events[target - 1];
        }
    }
}
