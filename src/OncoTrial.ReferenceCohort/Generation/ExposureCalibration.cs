using System.Globalization;
using OncoTrial.Clinical.Exposure;
using OncoTrial.ReferenceCohort.Planning;

namespace OncoTrial.ReferenceCohort.Generation;

/// <summary>
/// What a subject's course may change beyond the outcome plan, in induction: the delay before each cycle, each drug held
/// for a block of cycles or stopped from a cycle on, anlotinib stopped early in the last cycle of a course that ends in
/// induction, and a split first paclitaxel infusion. The adverse events' reductions, withdrawals and held cycles come on
/// top (<see cref="AdverseEffects"/>). Drugs are indexed as <see cref="ExposureCalibration.Drugs"/>.
/// </summary>
/// <param name="Delays">Extra days before day 1 of induction cycles 2 to <c>InductionCycles</c> (index 0 is cycle 2), each 0 to <see cref="ExposureCalibration.MaxDelayDays"/>.</param>
/// <param name="HeldFrom">Per drug, the first induction cycle of a block without it (0: none).</param>
/// <param name="HeldCycles">Per drug, the cycles of that block (the protocol allows benmelstobart up to 12 weeks, four cycles).</param>
/// <param name="StopFrom">Per drug, the first induction cycle from which it is no longer given in induction (0: given to the end).</param>
/// <param name="AnlotinibLastDays">Days of anlotinib in the last cycle of a course that ends in induction (1-14), or 0 for as many as the end allows.</param>
/// <param name="SplitPaclitaxel">The first paclitaxel infusion stopped for a reaction and completed on day 3.</param>
internal sealed record ExposureKnobs(
    IReadOnlyList<int> Delays,
    IReadOnlyList<int> HeldFrom,
    IReadOnlyList<int> HeldCycles,
    IReadOnlyList<int> StopFrom,
    int AnlotinibLastDays,
    bool SplitPaclitaxel)
{
    /// <summary>No change: every cycle on time, every drug given.</summary>
    public static ExposureKnobs None(int inductionCycles) => new(new int[Math.Max(0, inductionCycles - 1)], new int[4], new int[4], new int[4], 0, false);

    /// <summary>Omissions the knobs make (drug, cycle).</summary>
    public IEnumerable<(string Drug, int Cycle)> Omissions(int inductionCycles)
    {
        for (int k = 0; k < ExposureCalibration.Drugs.Count; k++)
        {
            string drug = ExposureCalibration.Drugs[k];
            for (int c = HeldFrom[k]; HeldFrom[k] > 0 && c < HeldFrom[k] + HeldCycles[k] && c <= inductionCycles; c++)
            {
                yield return (drug, c);
            }

            for (int c = StopFrom[k]; StopFrom[k] > 0 && c <= inductionCycles; c++)
            {
                yield return (drug, c);
            }
        }
    }

    /// <summary>How far the knobs are from an undisturbed course: the search prefers fewer and shorter changes.</summary>
    public double Disturbance =>
        (Delays.Sum() / 100.0) + (HeldCycles.Sum() * 0.3) + (StopFrom.Count(c => c > 0) * 0.2) + (AnlotinibLastDays > 0 ? 0.1 : 0) + (SplitPaclitaxel ? 0.3 : 0);

    /// <summary>A copy with one drug's entry of a per-drug list changed.</summary>
    public static IReadOnlyList<int> With(IReadOnlyList<int> list, int drug, int value)
    {
        ArgumentNullException.ThrowIfNull(list);
        var copy = list.ToArray();
        copy[drug] = value;
        return copy;
    }
}

/// <summary>What a subject's adverse events do to dosing: reductions from a cycle on, and drugs left out of cycles.</summary>
/// <param name="Reductions">Dose reductions.</param>
/// <param name="Omitted">Drugs withdrawn or held (drug, cycle).</param>
internal sealed record AdverseEffects(IReadOnlyList<DoseReduction> Reductions, IReadOnlySet<(string Drug, int Cycle)> Omitted)
{
    /// <summary>None.</summary>
    public static AdverseEffects None { get; } = new([], new HashSet<(string, int)>());

    /// <summary>True when both say the same.</summary>
    public bool SameAs(AdverseEffects other) =>
        Reductions.OrderBy(r => r.Drug, StringComparer.Ordinal).ThenBy(r => r.FromCycle).SequenceEqual(other.Reductions.OrderBy(r => r.Drug, StringComparer.Ordinal).ThenBy(r => r.FromCycle))
        && Omitted.SetEquals(other.Omitted);
}

/// <summary>
/// Calibrates the induction exposure of the reference cohort by search: cycle delays, held or stopped drugs, an early
/// stop of anlotinib and split paclitaxel infusions, so that the exposure summary of the paper's Results comes out at
/// its printed precision (treatment duration mean, minimum and maximum per drug; RDI median and range per drug), under
/// <see cref="PaperReproduction.Options"/>. Every candidate is scored with the project's own
/// <see cref="ExposureDerivation"/>. The outcome plan fixes each subject's cycle count and the day treatment must end by
/// (discontinuation, death, last contact, cutoff); a course that breaks them is never proposed. Deterministic from the
/// seed (docs/reference-cohort.md).
/// </summary>
internal static class ExposureCalibration
{
    /// <summary>The longest delay of one cycle: the protocol allows two weeks per episode.</summary>
    public const int MaxDelayDays = 14;

    /// <summary>The most iterations of one search.</summary>
    public const int MaxIterations = 200_000;

    /// <summary>Iterations without a better state after which the search starts again from its best, shaken.</summary>
    public const int StallIterations = 15_000;

    /// <summary>The drugs, in the order of the per-drug knobs.</summary>
    public static IReadOnlyList<string> Drugs { get; } = [ExposureBuilder.Benmelstobart, ExposureBuilder.Anlotinib, ExposureBuilder.Paclitaxel, ExposureBuilder.Cisplatin];

    private static readonly DateOnly Origin = new(2000, 1, 1);

    /// <summary>One subject's fixed frame: its plan, the last day a dose may fall on, and its adverse effects.</summary>
    internal sealed record Frame(PlannedSubject Plan, int LastAllowedDay, AdverseEffects Effects)
    {
        public string Id => CohortWriter.UniqueSubjectId(Plan.SubjectId);

        public int InductionCycles => Plan.Treatment.InductionCycles;

        public bool EntersMaintenance => Plan.Treatment.EnteredMaintenance;
    }

    /// <summary>The targets of the search, read from the published values.</summary>
    internal sealed record Targets(
        IReadOnlyDictionary<string, (double Lo, double Hi)> MeanDays,
        IReadOnlyDictionary<string, (double Lo, double Hi)> MinDays,
        IReadOnlyDictionary<string, (double Lo, double Hi)> MaxDays,
        IReadOnlyDictionary<string, (double Lo, double Hi)> RdiMin,
        IReadOnlyDictionary<string, (double Lo, double Hi)> RdiMedian)
    {
        public static Targets Paper(double daysPerMonth)
        {
            var p = PublishedValues.Paper;
            (double, double) Interval(PublishedNumber n, double scale) => ((n.Value!.Value - n.HalfUnit) * scale, (n.Value!.Value + n.HalfUnit) * scale);
            var mean = new Dictionary<string, (double, double)>(StringComparer.Ordinal);
            var min = new Dictionary<string, (double, double)>(StringComparer.Ordinal);
            var max = new Dictionary<string, (double, double)>(StringComparer.Ordinal);
            var rdiMin = new Dictionary<string, (double, double)>(StringComparer.Ordinal);
            var rdiMedian = new Dictionary<string, (double, double)>(StringComparer.Ordinal);
            foreach (string drug in Drugs)
            {
                string name = drug.ToLowerInvariant();
                var d = p["duration_" + name + "_mean"];
                mean[drug] = Interval(d.Value, daysPerMonth);
                min[drug] = Interval(d.Range!.Value.Low, daysPerMonth);
                max[drug] = Interval(d.Range!.Value.High, daysPerMonth);
                var r = p["rdi_" + name + "_median"];
                rdiMin[drug] = Interval(r.Range!.Value.Low, 1);
                rdiMedian[drug] = Interval(r.Value, 1);
            }

            return new Targets(mean, min, max, rdiMin, rdiMedian);
        }
    }

    /// <summary>The induction duration (days) and RDI of each drug a subject received in induction (NaN when not given).</summary>
    internal readonly record struct SubjectExposure(double[] Duration, double[] Rdi, int LastDoseDay);

    /// <summary>The last day a dose may fall on: the end of treatment, the day before death, the last contact, the cutoff.</summary>
    public static int LastAllowedDay(PlannedSubject s, DateOnly cutoff)
    {
        ArgumentNullException.ThrowIfNull(s);
        int cutoffDay = cutoff.DayNumber - s.FirstDoseDate.DayNumber + 1;
        int limit = Math.Min(cutoffDay, s.LastKnownAliveDay);
        if (s.Death is { } death)
        {
            limit = Math.Min(limit, death.Day - 1);
        }

        if ((s.Treatment.InductionDiscontinuation ?? s.Treatment.MaintenanceDiscontinuation) is { } stop)
        {
            limit = Math.Min(limit, stop.Day);
        }

        return limit;
    }

    /// <summary>The treatment course of a subject under some knobs, or null when it breaks the frame (a dose after the allowed day, maintenance not reached).</summary>
    public static TreatmentCourse? Course(Frame frame, ExposureKnobs knobs)
    {
        ArgumentNullException.ThrowIfNull(frame);
        ArgumentNullException.ThrowIfNull(knobs);
        int induction = frame.InductionCycles;
        var delays = new Dictionary<int, int>();
        int day1 = 1;
        for (int c = 2; c <= induction; c++)
        {
            int d = knobs.Delays[c - 2];
            if (d > 0)
            {
                delays[c] = d;
            }

            day1 += ExposureBuilder.CycleLength + d;
        }

        if (day1 > frame.LastAllowedDay)
        {
            return null;
        }

        int maintenance = 0;
        int lastDay1 = day1;
        if (frame.EntersMaintenance)
        {
            while (lastDay1 + ExposureBuilder.CycleLength <= frame.LastAllowedDay)
            {
                lastDay1 += ExposureBuilder.CycleLength;
                maintenance++;
            }

            if (maintenance == 0)
            {
                return null;
            }
        }

        int room = frame.LastAllowedDay - lastDay1 + 1;
        int anlotinibDays = Math.Min(14, room);
        if (!frame.EntersMaintenance && knobs.AnlotinibLastDays > 0)
        {
            anlotinibDays = Math.Min(anlotinibDays, knobs.AnlotinibLastDays);
        }

        if (knobs.SplitPaclitaxel && induction == 1 && room < 3)
        {
            return null;
        }

        var omitted = new HashSet<(string Drug, int Cycle)>(frame.Effects.Omitted);
        omitted.UnionWith(knobs.Omissions(induction));
        for (int c = 1; c <= induction + maintenance; c++)
        {
            if (Drugs.All(drug => omitted.Contains((drug, c)) || (c > induction && drug is ExposureBuilder.Paclitaxel or ExposureBuilder.Cisplatin)))
            {
                return null; // a cycle without any drug is not a cycle.
            }
        }

        if (Drugs.Any(drug => omitted.Contains((drug, 1)) && drug != ExposureBuilder.Paclitaxel && drug != ExposureBuilder.Cisplatin))
        {
            return null; // every subject starts with benmelstobart and anlotinib.
        }

        return new TreatmentCourse(
            frame.Id, induction, maintenance, delays, omitted, frame.Effects.Reductions, anlotinibDays < 14 ? anlotinibDays : null, knobs.SplitPaclitaxel);
    }

    /// <summary>Induction duration and RDI per drug, by the project's derivation under the paper's exposure options.</summary>
    public static SubjectExposure Measure(TreatmentCourse course, ExposureOptions options)
    {
        ArgumentNullException.ThrowIfNull(course);
        ArgumentNullException.ThrowIfNull(options);
        var records = ExposureBuilder.Build(course);
        var administrations = records.Where(r => !r.IsMaintenance).Select((r, i) => new Administration(
            course.Subject, r.Drug, Origin.AddDays(r.StartDay - 1), Origin.AddDays(r.EndDay - 1), r.Dose, r.Unit,
            r.Frequency == "QD" ? r.EndDay - r.StartDay + 1 : 1, r.Cycle, TreatmentPhase.Induction, r.PlannedDose, i + 1)).ToList();
        var duration = new double[Drugs.Count];
        var rdi = new double[Drugs.Count];
        Array.Fill(duration, double.NaN);
        Array.Fill(rdi, double.NaN);
        foreach (var e in ExposureDerivation.DeriveDrugExposures(administrations, options).Where(e => e.Phase == TreatmentPhase.Induction))
        {
            int k = DrugIndex(e.Drug);
            if (k >= 0)
            {
                duration[k] = e.DurationDays;
                rdi[k] = e.Rdi(options.Rdi) ?? double.NaN;
            }
        }

        return new SubjectExposure(duration, rdi, records.Count == 0 ? 0 : records.Max(r => r.EndDay));
    }

    /// <summary>
    /// The knobs of every subject that meet the targets, searched from <paramref name="start"/>: a late-acceptance hill
    /// climb over one subject's knob at a time. With <paramref name="keepLastDose"/>, only omissions may change and no
    /// subject's last dose day moves (the adverse events were placed on those days).
    /// </summary>
    /// <returns>The knobs and the remaining loss (0 when every target is met).</returns>
    public static (ExposureKnobs[] Knobs, double Loss) Search(IReadOnlyList<Frame> frames, ExposureKnobs[] start, Targets targets, ExposureOptions options, Random random, bool keepLastDose, Action<string>? log = null)
    {
        ArgumentNullException.ThrowIfNull(frames);
        ArgumentNullException.ThrowIfNull(start);
        ArgumentNullException.ThrowIfNull(targets);
        ArgumentNullException.ThrowIfNull(random);
        int n = frames.Count;
        var knobs = (ExposureKnobs[])start.Clone();
        var measured = new SubjectExposure[n];
        for (int i = 0; i < n; i++)
        {
            var course = Course(frames[i], knobs[i]);
            if (course is null)
            {
                knobs[i] = ExposureKnobs.None(frames[i].InductionCycles);
                course = Course(frames[i], knobs[i]) ?? throw new InvalidOperationException($"{frames[i].Id}: the plan leaves no room for its {frames[i].InductionCycles} induction cycles before day {frames[i].LastAllowedDay}.");
            }

            measured[i] = Measure(course, options);
        }

        var lastDose = measured.Select(m => m.LastDoseDay).ToArray();
        double current = Loss(measured, knobs, targets);
        var best = (Knobs: (ExposureKnobs[])knobs.Clone(), Loss: current);
        const int history = 20;
        var recent = Enumerable.Repeat(current, history).ToArray();
        var bestMeasured = (SubjectExposure[])measured.Clone();
        int improved = 0;
        for (int iteration = 0; iteration < MaxIterations && best.Loss > 0; iteration++)
        {
            if (iteration - improved > StallIterations)
            {
                // Stuck: start again from the best state with a few subjects' courses shaken.
                knobs = (ExposureKnobs[])best.Knobs.Clone();
                measured = (SubjectExposure[])bestMeasured.Clone();
                for (int shaken = 0; shaken < 4; shaken++)
                {
                    int s = random.Next(n);
                    for (int step = 0; step < 3; step++)
                    {
                        if (Propose(frames[s], knobs[s], random, keepLastDose) is { } shake && Course(frames[s], shake) is { } shaken2)
                        {
                            var sm = Measure(shaken2, options);
                            if (!keepLastDose || sm.LastDoseDay == lastDose[s])
                            {
                                (knobs[s], measured[s]) = (shake, sm);
                            }
                        }
                    }
                }

                current = Loss(measured, knobs, targets);
                Array.Fill(recent, current);
                improved = iteration;
            }

            int i = random.Next(n);
            var proposal = Propose(frames[i], knobs[i], random, keepLastDose);
            if (proposal is null || Course(frames[i], proposal) is not { } course)
            {
                continue;
            }

            var m = Measure(course, options);
            if (keepLastDose && m.LastDoseDay != lastDose[i])
            {
                continue;
            }

            var (oldKnobs, oldMeasure) = (knobs[i], measured[i]);
            (knobs[i], measured[i]) = (proposal, m);
            double loss = Loss(measured, knobs, targets);
            int slot = iteration % history;
            if (loss <= current || loss <= recent[slot])
            {
                current = loss;
                if (loss < best.Loss)
                {
                    best = ((ExposureKnobs[])knobs.Clone(), loss);
                    bestMeasured = (SubjectExposure[])measured.Clone();
                    improved = iteration;
                }
            }
            else
            {
                (knobs[i], measured[i]) = (oldKnobs, oldMeasure);
            }

            recent[slot] = current;
            if (log is not null && iteration % 20000 == 0)
            {
                log(string.Create(CultureInfo.InvariantCulture, $"{iteration}: current {current:F2} best {best.Loss:F2} {Describe(measured, 30.4375)}"));
            }
        }

        return best;
    }

    /// <summary>
    /// Takes back every change the targets do not need: subject by subject, each knob is reset to an undisturbed course
    /// when the loss stays 0 (and, with <paramref name="keepLastDose"/>, no last dose day moves).
    /// </summary>
    public static ExposureKnobs[] Simplify(IReadOnlyList<Frame> frames, ExposureKnobs[] knobs, Targets targets, ExposureOptions options, bool keepLastDose)
    {
        ArgumentNullException.ThrowIfNull(frames);
        ArgumentNullException.ThrowIfNull(knobs);
        var result = (ExposureKnobs[])knobs.Clone();
        var measured = frames.Select((f, i) => Measure(Course(f, result[i])!, options)).ToArray();
        var lastDose = measured.Select(m => m.LastDoseDay).ToArray();
        if (Loss(measured, result, targets) > 0)
        {
            return result;
        }

        for (int i = 0; i < frames.Count; i++)
        {
            for (int which = 0; which < result[i].Delays.Count + (2 * Drugs.Count) + 2; which++)
            {
                if (Simpler(result[i], which) is not { } simpler || Course(frames[i], simpler) is not { } course)
                {
                    continue;
                }

                var m = Measure(course, options);
                if (keepLastDose && m.LastDoseDay != lastDose[i])
                {
                    continue;
                }

                var (oldKnobs, oldMeasure) = (result[i], measured[i]);
                (result[i], measured[i]) = (simpler, m);
                if (Loss(measured, result, targets) > 0)
                {
                    (result[i], measured[i]) = (oldKnobs, oldMeasure);
                }
            }
        }

        return result;
    }

    /// <summary>The knobs with one change taken back (<paramref name="which"/>: each delay, then each other knob), or null when that one is unchanged.</summary>
    private static ExposureKnobs? Simpler(ExposureKnobs k, int which)
    {
        if (which < k.Delays.Count)
        {
            if (k.Delays[which] == 0)
            {
                return null;
            }

            var delays = k.Delays.ToArray();
            delays[which] = 0;
            return k with { Delays = delays };
        }

        int j = which - k.Delays.Count;
        if (j < Drugs.Count)
        {
            return k.HeldCycles[j] > 0 ? k with { HeldFrom = ExposureKnobs.With(k.HeldFrom, j, 0), HeldCycles = ExposureKnobs.With(k.HeldCycles, j, 0) } : null;
        }

        j -= Drugs.Count;
        if (j < Drugs.Count)
        {
            return k.StopFrom[j] > 0 ? k with { StopFrom = ExposureKnobs.With(k.StopFrom, j, 0) } : null;
        }

        return (j - Drugs.Count) switch
        {
            0 when k.AnlotinibLastDays > 0 => k with { AnlotinibLastDays = 0 },
            1 when k.SplitPaclitaxel => k with { SplitPaclitaxel = false },
            _ => null,
        };
    }

    /// <summary>
    /// How far the cohort is from the targets: for each drug, the distance of the mean, minimum and maximum duration
    /// (days) and of the minimum and median RDI (%) from the intervals that round to the published values (kept a
    /// little inside them), plus a small price for every change to a course while a target is missed; 0 when every
    /// target is met.
    /// </summary>
    public static double Loss(IReadOnlyList<SubjectExposure> measured, IReadOnlyList<ExposureKnobs> knobs, Targets targets)
    {
        ArgumentNullException.ThrowIfNull(measured);
        ArgumentNullException.ThrowIfNull(knobs);
        ArgumentNullException.ThrowIfNull(targets);
        double miss = 0;
        var values = new List<double>(measured.Count);
        for (int k = 0; k < Drugs.Count; k++)
        {
            string drug = Drugs[k];
            values.Clear();
            values.AddRange(measured.Select(m => m.Duration[k]).Where(v => !double.IsNaN(v)));
            if (values.Count == 0)
            {
                return double.MaxValue;
            }

            miss += 10 * Outside(values.Average(), targets.MeanDays[drug], 0.1);
            miss += Floor(values, targets.MinDays[drug], 0.01) + Ceiling(values, targets.MaxDays[drug], 0.01);
            values.Clear();
            values.AddRange(measured.Select(m => m.Rdi[k]).Where(v => !double.IsNaN(v)));
            miss += Floor(values, targets.RdiMin[drug], 0.05);
            miss += 5 * Outside(Median(values), targets.RdiMedian[drug], 0.05);

            // The median needs more than half of the subjects at or above its interval: count the ones missing.
            double lowest = targets.RdiMedian[drug].Lo + 0.05;
            int deficit = (values.Count / 2) + 1 - values.Count(v => v >= lowest);
            miss += 3 * Math.Max(0, deficit);
        }

        // 0 once every target is inside its interval; until then fewer and smaller changes are preferred.
        return miss > 0 ? miss + (knobs.Sum(k => k.Disturbance) / 1000.0) : 0;
    }

    /// <summary>The per-drug summary of a cohort, for messages.</summary>
    public static string Describe(IReadOnlyList<SubjectExposure> measured, double daysPerMonth)
    {
        ArgumentNullException.ThrowIfNull(measured);
        var parts = new List<string>();
        for (int k = 0; k < Drugs.Count; k++)
        {
            var d = measured.Select(m => m.Duration[k]).Where(v => !double.IsNaN(v)).ToList();
            var r = measured.Select(m => m.Rdi[k]).Where(v => !double.IsNaN(v)).ToList();
            parts.Add(string.Create(CultureInfo.InvariantCulture, $"{Drugs[k]} duration {d.Average() / daysPerMonth:F3} ({d.Min() / daysPerMonth:F3}-{d.Max() / daysPerMonth:F3}) months, RDI {Median(r):F1} ({r.Min():F1}-{r.Max():F1})"));
        }

        return string.Join("; ", parts);
    }

    private static int DrugIndex(string drug)
    {
        for (int k = 0; k < Drugs.Count; k++)
        {
            if (Drugs[k] == drug)
            {
                return k;
            }
        }

        return -1;
    }

    private static double Median(List<double> values)
    {
        values.Sort();
        int n = values.Count;
        return n % 2 == 1 ? values[n / 2] : (values[(n / 2) - 1] + values[n / 2]) / 2;
    }

    /// <summary>
    /// How far the values are from having their minimum in the interval: every value below it counts by its distance,
    /// and when all are above it, the smallest counts by its distance.
    /// </summary>
    private static double Floor(List<double> values, (double Lo, double Hi) interval, double margin)
    {
        double lo = interval.Lo + margin, hi = interval.Hi - margin;
        double below = values.Where(v => v < lo).Sum(v => lo - v);
        double min = values.Min();
        return below + (min > hi ? min - hi : 0);
    }

    /// <summary>The mirror of <see cref="Floor"/> for the maximum.</summary>
    private static double Ceiling(List<double> values, (double Lo, double Hi) interval, double margin)
    {
        double lo = interval.Lo + margin, hi = interval.Hi - margin;
        double above = values.Where(v => v > hi).Sum(v => v - hi);
        double max = values.Max();
        return above + (max < lo ? lo - max : 0);
    }

    /// <summary>Distance of a value from [lo + margin, hi − margin] (the interval that rounds to the target, shrunk a little).</summary>
    private static double Outside(double value, (double Lo, double Hi) interval, double margin)
    {
        double lo = interval.Lo + margin, hi = interval.Hi - margin;
        return value < lo ? lo - value : value > hi ? value - hi : 0;
    }

    private static ExposureKnobs? Propose(Frame frame, ExposureKnobs k, Random random, bool omissionsOnly)
    {
        int induction = frame.InductionCycles;
        int move = omissionsOnly ? 2 + random.Next(2) : random.Next(10);
        int drug = random.Next(Drugs.Count);
        switch (move)
        {
            case 0 or 1 when induction >= 2:
                var delays = k.Delays.ToArray();
                int c = random.Next(delays.Length);
                delays[c] = random.Next(3) == 0 ? 0 : random.Next(MaxDelayDays + 1);
                return k with { Delays = delays };
            case 2 when induction >= 3:
                int length = random.Next(5);
                int from = length == 0 ? 0 : 2 + random.Next(induction - 2);
                return k with { HeldFrom = ExposureKnobs.With(k.HeldFrom, drug, from), HeldCycles = ExposureKnobs.With(k.HeldCycles, drug, length) };
            case 3 when induction >= 2:
                return k with { StopFrom = ExposureKnobs.With(k.StopFrom, drug, random.Next(2) == 0 ? 0 : 2 + random.Next(induction - 1)) };
            case 4 or 5 when !frame.EntersMaintenance:
                return k with { AnlotinibLastDays = random.Next(2) == 0 ? 0 : 1 + random.Next(14) };
            case 6:
                return k with { SplitPaclitaxel = !k.SplitPaclitaxel };
            case 7 when induction >= 2:
                return k with { Delays = new int[k.Delays.Count] };
            case 8 when induction >= 2:
                return k with { Delays = [.. k.Delays.Select(_ => random.Next(MaxDelayDays + 1))] };
            case 9 when induction >= 2:
                var nudged = k.Delays.ToArray();
                int n = random.Next(nudged.Length);
                nudged[n] = Math.Clamp(nudged[n] + (random.Next(2) == 0 ? -1 : 1) * (1 + random.Next(3)), 0, MaxDelayDays);
                return k with { Delays = nudged };
            default:
                return null;
        }
    }
}
