using System.Runtime.CompilerServices;

namespace OncoTrial.Simulation;

/// <summary>
/// Monte Carlo simulation of a two-arm, event-driven group-sequential survival trial (<see cref="TwoArmSurvivalScenario"/>):
/// the rejection probability overall and per stage, futility stops, and expected events, patients and study duration.
/// </summary>
/// <remarks>
/// <para>Trial i draws from its own Philox4x32-10 stream keyed by the seed (<see cref="TrialRandom"/>), one block per
/// patient plus one. Entry times are the order statistics of n uniforms on [0, A], drawn in order as normalised sums of
/// n + 1 unit exponential spacings (the same joint law as sorting n uniforms, without a sort). Patient j (in entry order)
/// is on treatment when ⌊(j + 1)r⌋ &gt; ⌊jr⌋ with r = k/(1 + k): a fixed allocation sequence in order of entry. With
/// independent exponential survival (λ_arm) and dropout (φ), the time to exit is Exp(λ_arm + φ) and independent of its
/// cause: y = −ln(u)/(λ_arm + φ), an event when u' &lt; λ_arm/(λ_arm + φ).</para>
/// <para>Analysis k is at the calendar time of the D_k-th event (entry + y over the events, sorted). At calendar time t a
/// patient with entry &lt; t is observed for x = y with their status when entry + y ≤ t, otherwise censored at t − entry.
/// The log-rank score and hypergeometric variance of the treatment arm are computed in one merge pass: exits sorted by y
/// (one sort per trial) and administrative censorings in reverse entry order are both already ordered by x, so each
/// analysis is O(n) without sorting. This is <see cref="OncoTrial.Statistics.LogRankTest"/>'s statistic
/// (U = Σ (d₁ − d Y₁/Y), V = Σ d (Y − d) Y₁ (Y − Y₁)/(Y² (Y − 1)), ties grouped); a test checks the two agree.
/// z = −U/√V is positive when the treatment arm has fewer events than expected (benefit).</para>
/// <para>Decisions: reject at look k when z_k ≥ c_k; at an interim look, stop for futility when z_k &lt; f_k (non-binding
/// bounds followed, as rpact's simulation does). When fewer than D_k events ever occur, the analysis uses all the data
/// (the time the last patient is resolved) and the trial stops there. Trials run in fixed chunks of
/// <see cref="ChunkSize"/> and are reduced in chunk order, so results do not depend on the thread count.</para>
/// </remarks>
public static class TwoArmSurvivalSimulation
{
    /// <summary>Trials per work item; fixed so that the reduction order does not depend on the thread count.</summary>
    public const int ChunkSize = ChunkedTrials.ChunkSize;

    /// <summary>Simulates <paramref name="trials"/> trials of <paramref name="scenario"/>.</summary>
    /// <param name="scenario">The design and the hypothesis that generates the data.</param>
    /// <param name="trials">Number of trials R ≥ 1.</param>
    /// <param name="seed">Seed; trial i's draws depend only on (seed, i).</param>
    /// <param name="maxThreads">Most threads to use (≥ 1); null = every core.</param>
    /// <param name="progress">Receives the completed fraction after each chunk (from worker threads).</param>
    /// <param name="cancellationToken">Cancels the run; throws <see cref="OperationCanceledException"/>.</param>
    /// <exception cref="ArgumentException">An invalid scenario (every problem listed) or trial count.</exception>
    public static TwoArmSurvivalSimulationResult Run(
        TwoArmSurvivalScenario scenario,
        long trials,
        ulong seed,
        int? maxThreads = null,
        IProgress<double>? progress = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        ChunkedTrials.Validate(scenario.Validate(), nameof(scenario), trials, maxThreads);
        var kernel = new Kernel(scenario);
        int stages = scenario.Stages;
        var chunks = ChunkedTrials.Run(
            trials,
            () => new TrialBuffers(scenario.Patients),
            () => new Totals(stages),
            (long i, TrialBuffers buffers, ref Totals totals) => kernel.RunTrial(seed, i, buffers, totals),
            maxThreads,
            progress,
            cancellationToken);

        var sum = new Totals(stages);
        foreach (var t in chunks)
        {
            sum.Add(t);
        }

        return new TwoArmSurvivalSimulationResult
        {
            Scenario = scenario,
            Seed = seed,
            Trials = trials,
            RejectionsPerStage = sum.Reject,
            FutilityStopsPerStage = sum.Futility,
            StopsPerStage = sum.Stop,
            ExpectedEvents = (double)sum.Events / trials,
            ExpectedPatients = (double)sum.Patients / trials,
            ExpectedDuration = sum.Duration / trials,
            TrialsShortOfEvents = sum.Short,
        };
    }

    internal sealed class TrialBuffers(int patients)
    {
        public double[] Entry { get; } = new double[patients];
        public double[] Exit { get; } = new double[patients];
        public bool[] IsEvent { get; } = new bool[patients];
        public double[] SortedExit { get; } = new double[patients];
        public int[] ByExit { get; } = new int[patients];
        public double[] EventCalendar { get; } = new double[patients];
        public double[] CalendarExit { get; } = new double[patients];
        public double[] SortedCalendarExit { get; } = new double[patients];
        public byte[] SortedFlags { get; } = new byte[patients];
        public int[] Scratch { get; } = new int[patients];
        public int[] BucketStart { get; } = new int[patients + 1];
        public int EventCount { get; set; }
        public int ExitCount { get; set; }
        public double Horizon { get; set; }
        public double LastResolved { get; set; }
    }

    internal sealed class Totals(int stages)
    {
        public long[] Reject { get; } = new long[stages];
        public long[] Futility { get; } = new long[stages];
        public long[] Stop { get; } = new long[stages];
        public long Events { get; set; }
        public long Patients { get; set; }
        public double Duration { get; set; }
        public long Short { get; set; }

        public void Add(Totals o)
        {
            for (int k = 0; k < Reject.Length; k++)
            {
                Reject[k] += o.Reject[k];
                Futility[k] += o.Futility[k];
                Stop[k] += o.Stop[k];
            }

            Events += o.Events;
            Patients += o.Patients;
            Duration += o.Duration;
            Short += o.Short;
        }
    }

    /// <summary>The per-trial work; internal so that tests can compare the fast log-rank with LogRankTest.</summary>
    internal sealed class Kernel
    {
        private readonly int _n;
        private readonly double _accrual;
        private readonly bool[] _treated;
        private readonly int[] _treatedBefore; // treated among the first j patients in entry order
        private readonly double _inverseHazardTreatment;
        private readonly double _inverseHazardControl;
        private readonly double _shareTreatment;
        private readonly double _shareControl;
        private readonly int[] _planned;
        private readonly double[] _critical;
        private readonly double[] _futility;

        public Kernel(TwoArmSurvivalScenario s)
        {
            _n = s.Patients;
            _accrual = s.Accrual;
            double r = s.AllocationRatio / (1 + s.AllocationRatio);
            _treated = new bool[_n];
            _treatedBefore = new int[_n + 1];
            for (int j = 0; j < _n; j++)
            {
                _treated[j] = Math.Floor((j + 1) * r) > Math.Floor(j * r);
                _treatedBefore[j + 1] = _treatedBefore[j] + (_treated[j] ? 1 : 0);
            }

            double h1 = s.TreatmentHazardSimulated, h2 = s.ControlHazard, phi = s.DropoutHazard;
            _inverseHazardTreatment = 1 / (h1 + phi);
            _inverseHazardControl = 1 / (h2 + phi);
            _shareTreatment = phi > 0 ? h1 / (h1 + phi) : 2; // > any uniform: every exit is an event
            _shareControl = phi > 0 ? h2 / (h2 + phi) : 2;
            _planned = [.. s.PlannedEvents];
            _critical = [.. s.CriticalValues];
            _futility = [.. s.FutilityBounds];
        }

        /// <summary>Patient j's arm (true = treatment) in entry order.</summary>
        public bool IsTreated(int j) => _treated[j];

        /// <summary>Draws trial i's patients into <paramref name="b"/>: sorted entries, exits, causes, exits sorted, event calendar times sorted.</summary>
        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        public void Generate(ulong seed, long trial, TrialBuffers b)
        {
            var stream = new TrialRandom(seed, trial);
            double[] entry = b.Entry, exit = b.Exit, sorted = b.SortedExit, cal = b.EventCalendar;
            bool[] isEvent = b.IsEvent;
            int[] byExit = b.ByExit;
            double cumulative = 0;
            for (int j = 0; j < _n; j++)
            {
                var block = stream.NextBlock();
                cumulative -= Math.Log(Philox4x32.ToOpenUnit(block.X0));
                entry[j] = cumulative;
                bool treated = _treated[j];
                double y = -Math.Log(Philox4x32.ToOpenUnit(block.X1)) * (treated ? _inverseHazardTreatment : _inverseHazardControl);
                exit[j] = y;
                isEvent[j] = Philox4x32.ToOpenUnit(block.X2) < (treated ? _shareTreatment : _shareControl);
            }

            cumulative -= Math.Log(Philox4x32.ToOpenUnit(stream.NextBlock().X0));
            double scale = _accrual / cumulative;
            for (int j = 0; j < _n; j++)
            {
                entry[j] *= scale;
            }

            Prepare(b);
        }

        /// <summary>
        /// Orders trial data already in <paramref name="b"/> (entries ascending, exits, causes): event calendar times
        /// selected at the planned counts, exits by the last analysis sorted by y. Tests call it on hand-made data.
        /// </summary>
        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        public void Prepare(TrialBuffers b)
        {
            double[] entry = b.Entry, exit = b.Exit, sorted = b.SortedExit, cal = b.EventCalendar;
            bool[] isEvent = b.IsEvent;
            int[] byExit = b.ByExit;
            int m = 0;
            double lastResolved = 0;
            for (int j = 0; j < _n; j++)
            {
                double c = entry[j] + exit[j];
                lastResolved = Math.Max(lastResolved, c);
                if (isEvent[j])
                {
                    cal[m++] = c;
                }
            }

            b.EventCount = m;
            b.LastResolved = lastResolved;

            // The analysis times are order statistics of the event times: nested selections, no sort.
            var events = cal.AsSpan(0, m);
            for (int k = _planned.Length - 1; k >= 0; k--)
            {
                if (_planned[k] <= events.Length)
                {
                    Select(events, _planned[k] - 1);
                    events = events[.._planned[k]];
                }
            }

            double horizon = _planned[^1] <= m ? cal[_planned[^1] - 1] : lastResolved;

            // Only exits observed by the last analysis matter: bucket-sort those by y (exact: insertion sort finishes).
            double[] calExit = b.CalendarExit;
            int[] scratch = b.Scratch;
            int exits = 0;
            double maxY = 0;
            for (int j = 0; j < _n; j++)
            {
                double c = entry[j] + exit[j];
                calExit[j] = c;
                if (c <= horizon)
                {
                    scratch[exits++] = j;
                    maxY = Math.Max(maxY, exit[j]);
                }
            }

            int[] start = b.BucketStart;
            System.Array.Clear(start, 0, exits + 1);
            double perUnit = exits / (maxY * (1 + 1e-9));
            for (int i = 0; i < exits; i++)
            {
                start[Math.Min(exits - 1, (int)(exit[scratch[i]] * perUnit)) + 1]++;
            }

            for (int i = 1; i <= exits; i++)
            {
                start[i] += start[i - 1];
            }

            for (int i = 0; i < exits; i++)
            {
                int j = scratch[i];
                int slot = start[Math.Min(exits - 1, (int)(exit[j] * perUnit))]++;
                sorted[slot] = exit[j];
                byExit[slot] = j;
            }

            for (int i = 1; i < exits; i++)
            {
                double key = sorted[i];
                int item = byExit[i];
                int h = i - 1;
                while (h >= 0 && sorted[h] > key)
                {
                    sorted[h + 1] = sorted[h];
                    byExit[h + 1] = byExit[h];
                    h--;
                }

                sorted[h + 1] = key;
                byExit[h + 1] = item;
            }

            double[] sortedCal = b.SortedCalendarExit;
            byte[] sortedFlags = b.SortedFlags;
            for (int i = 0; i < exits; i++)
            {
                int j = byExit[i];
                sortedCal[i] = calExit[j];
                sortedFlags[i] = (byte)((isEvent[j] ? 1 : 0) | (_treated[j] ? 2 : 0));
            }

            b.ExitCount = exits;
            b.Horizon = horizon;
        }

        /// <summary>Partially orders <paramref name="v"/> so that v[k] is its k-th smallest value, smaller ones before it (Hoare's select).</summary>
        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        private static void Select(Span<double> v, int k)
        {
            int lo = 0, hi = v.Length - 1;
            while (hi > lo)
            {
                int mid = lo + ((hi - lo) / 2);
                double a = v[lo], b = v[mid], c = v[hi];
                double pivot = a < b ? (b < c ? b : (a < c ? c : a)) : (a < c ? a : (b < c ? c : b));
                int i = lo, j = hi;
                while (i <= j)
                {
                    while (v[i] < pivot)
                    {
                        i++;
                    }

                    while (v[j] > pivot)
                    {
                        j--;
                    }

                    if (i <= j)
                    {
                        (v[i], v[j]) = (v[j], v[i]);
                        i++;
                        j--;
                    }
                }

                if (k <= j)
                {
                    hi = j;
                }
                else if (k >= i)
                {
                    lo = i;
                }
                else
                {
                    return;
                }
            }
        }

        /// <summary>
        /// The log-rank z (positive = benefit of treatment) on the data observed at calendar time <paramref name="t"/>,
        /// with the number of events observed and patients enrolled by then; t must not pass the last analysis (only exits
        /// by then are sorted).
        /// </summary>
        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        public double LogRankZ(TrialBuffers b, double t, out int events, out int enrolled)
        {
            if (t > b.Horizon)
            {
                throw new ArgumentOutOfRangeException(nameof(t), t, "t: after the last analysis of this trial.");
            }

            double[] entry = b.Entry, calExit = b.CalendarExit, sorted = b.SortedExit, sortedCal = b.SortedCalendarExit;
            byte[] flags = b.SortedFlags;
            int n = b.ExitCount;
            int enrolledCount = _n;
            while (enrolledCount > 0 && !(entry[enrolledCount - 1] < t))
            {
                enrolledCount--;
            }

            double atRisk = enrolledCount;
            double atRiskTreated = _treatedBefore[enrolledCount];
            double u = 0, v = 0;
            int eventCount = 0;

            // A: exits by t (entry + y <= t, which implies entry < t), ascending y. Censorings at t − entry (entry < t <
            // entry + y) come in descending entry order, i.e. ascending t − entry; before each group of tied exits at s,
            // those censored before s leave the risk set (one censored at s is still at risk at s). Censorings after the
            // last event do not change U or V.
            bool[] treated = _treated;
            int c = enrolledCount - 1;
            int a = NextExit(0, t, sorted, sortedCal, n);
            while (a < n)
            {
                double s = sorted[a];
                double cutoff = t - s; // censored before s  <=>  t − entry < s  <=>  entry > t − s
                int censored = 0, censoredTreated = 0;
                while (c >= 0 && entry[c] > cutoff)
                {
                    int open = calExit[c] > t ? 1 : 0;
                    censored += open;
                    censoredTreated += open & (treated[c] ? 1 : 0);
                    c--;
                }

                atRisk -= censored;
                atRiskTreated -= censoredTreated;
                int d = 0, dTreated = 0, removed = 0, removedTreated = 0;
                while (a < n && sorted[a] == s)
                {
                    int f = flags[a];
                    int tr = f >> 1;
                    int ev = f & 1;
                    d += ev;
                    dTreated += ev & tr;
                    removed++;
                    removedTreated += tr;
                    a = NextExit(a + 1, t, sorted, sortedCal, n);
                }

                if (d > 0)
                {
                    eventCount += d;
                    double p = atRiskTreated / atRisk;
                    u += dTreated - (d * p);
                    if (atRisk > 1)
                    {
                        v += d * p * (1 - p) * (atRisk - d) / (atRisk - 1);
                    }
                }

                atRisk -= removed;
                atRiskTreated -= removedTreated;
            }

            events = eventCount;
            enrolled = enrolledCount;
            return v > 0 ? -u / Math.Sqrt(v) : 0;
        }

        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        private static int NextExit(int a, double t, double[] sorted, double[] sortedCal, int n)
        {
            while (a < n)
            {
                if (sortedCal[a] <= t)
                {
                    return a;
                }

                if (sorted[a] > t)
                {
                    return n; // every later exit is longer than t: none is observed by t
                }

                a++;
            }

            return n;
        }

        /// <summary>The data observed at calendar time t in the form LogRankTest takes (group 1 = treatment).</summary>
        public (double[] Time, int[] Status, int[] Group) ObservedData(TrialBuffers b, double t)
        {
            var time = new List<double>();
            var status = new List<int>();
            var group = new List<int>();
            for (int j = 0; j < _n; j++)
            {
                if (!(b.Entry[j] < t))
                {
                    continue;
                }

                bool exited = b.CalendarExit[j] <= t;
                time.Add(exited ? b.Exit[j] : t - b.Entry[j]);
                status.Add(exited && b.IsEvent[j] ? 1 : 0);
                group.Add(_treated[j] ? 1 : 0);
            }

            return ([.. time], [.. status], [.. group]);
        }

        /// <summary>Calendar time of analysis k (0-based) and whether the planned events were reached.</summary>
        public double AnalysisTime(TrialBuffers b, int k, out bool reached)
        {
            int target = _planned[k];
            reached = target <= b.EventCount;
            return reached ? b.EventCalendar[target - 1] : b.LastResolved;
        }

        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        public void RunTrial(ulong seed, long trial, TrialBuffers b, Totals totals)
        {
            Generate(seed, trial, b);
            int stages = _planned.Length;
            for (int k = 0; k < stages; k++)
            {
                double t = AnalysisTime(b, k, out bool reached);
                double z = LogRankZ(b, t, out int events, out int enrolled);
                bool last = k == stages - 1 || !reached;
                bool stop = true;
                if (z >= _critical[k])
                {
                    totals.Reject[k]++;
                }
                else if (!last && _futility.Length > 0 && z < _futility[k])
                {
                    totals.Futility[k]++;
                }
                else
                {
                    stop = last;
                }

                if (stop)
                {
                    totals.Stop[k]++;
                    totals.Events += events;
                    totals.Patients += enrolled;
                    totals.Duration += t;
                    if (!reached)
                    {
                        totals.Short++;
                    }

                    return;
                }
            }
        }
    }
}
