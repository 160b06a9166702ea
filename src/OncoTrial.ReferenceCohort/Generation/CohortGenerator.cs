using OncoTrial.ReferenceCohort.Planning;

namespace OncoTrial.ReferenceCohort.Generation;

/// <summary>One generated subject: its plan, treatment course, exposure and lesions.</summary>
/// <param name="Plan">The subject's plan.</param>
/// <param name="Treatment">The cycle-by-cycle course (delays, omissions, reductions).</param>
/// <param name="Exposure">The EX records.</param>
/// <param name="Tumours">The lesions and their assessments.</param>
internal sealed record GeneratedSubject(PlannedSubject Plan, TreatmentCourse Treatment, IReadOnlyList<ExposureRecord> Exposure, TumourCourse Tumours)
{
    /// <summary>USUBJID.</summary>
    public string Id => CohortWriter.UniqueSubjectId(Plan.SubjectId);

    /// <summary>Day of the last dose of any drug.</summary>
    public int LastDoseDay => Exposure.Count == 0 ? 1 : Exposure.Max(e => e.EndDay);

    /// <summary>Day 1 of each cycle.</summary>
    public IReadOnlyList<int> CycleDays => ExposureBuilder.CycleDays(Treatment);

    /// <summary>The last day of the subject's participation: death, exit from the study, or the last day known alive.</summary>
    public int EndDay => Plan.Death?.Day ?? Plan.StudyExit?.Day ?? Plan.LastKnownAliveDay;
}

/// <summary>A generated cohort: the subjects with their courses, and their adverse events, labs and vital signs.</summary>
/// <param name="Plan">The outcome plan.</param>
/// <param name="Subjects">The enrolled subjects.</param>
/// <param name="Adverse">The AE, LB and VS records.</param>
/// <param name="Rounds">Rounds of the exposure calibration and the adverse events until they agreed.</param>
internal sealed record GeneratedCohort(CohortOutcomePlan Plan, IReadOnlyList<GeneratedSubject> Subjects, AdverseCohort Adverse, int Rounds);

/// <summary>
/// The generator of the reference cohort: the outcome plan (<see cref="CohortOutcomePlan"/>) made into SDTM source data,
/// domain by domain, deterministic from the seed. The induction exposure is calibrated by search
/// (<see cref="ExposureCalibration"/>) together with the adverse events, which reduce, withhold and withdraw doses:
/// calibrate with the last round's adverse effects, place the adverse events on those courses, then take their
/// effects into account by changing only which drugs are given (never a day), so the events stay where they were placed.
/// </summary>
internal static class CohortGenerator
{
    /// <summary>The most rounds of calibration and adverse events.</summary>
    public const int MaxRounds = 6;

    /// <summary>Generates the cohort of a plan.</summary>
    /// <exception cref="InvalidOperationException">The exposure targets cannot be met with the plan (the message gives the nearest summary).</exception>
    public static GeneratedCohort Generate(CohortOutcomePlan plan)
    {
        ArgumentNullException.ThrowIfNull(plan);
        var options = PaperReproduction.Options.Exposure;
        var targets = ExposureCalibration.Targets.Paper(options.DaysPerMonth);
        var random = new Random(HashCode(plan.Seed, "exposure"));
        var effects = plan.Subjects.ToDictionary(s => s.SubjectId, _ => AdverseEffects.None, StringComparer.Ordinal);
        var knobs = plan.Subjects.Select(s => ExposureKnobs.None(s.Treatment.InductionCycles)).ToArray();
        string nearest = string.Empty;
        for (int round = 1; round <= MaxRounds; round++)
        {
            var frames = Frames(plan, effects);
            (knobs, double loss) = ExposureCalibration.Search(frames, knobs, targets, options, random, keepLastDose: false);
            if (loss > 0)
            {
                nearest = Summary(frames, knobs, options);
                continue;
            }

            knobs = ExposureCalibration.Simplify(frames, knobs, targets, options, keepLastDose: false);
            var subjects = Subjects(plan, frames, knobs);
            var adverse = AdverseEventGenerator.Generate([.. subjects.Select(CourseOf)], HashCode(plan.Seed, "adverse"));
            var found = plan.Subjects.ToDictionary(
                s => s.SubjectId,
                s =>
                {
                    string id = CohortWriter.UniqueSubjectId(s.SubjectId);
                    int cycles = subjects.First(g => g.Id == id).CycleDays.Count;
                    return new AdverseEffects(adverse.ReductionsOf(id), adverse.OmissionsOf(id, cycles));
                },
                StringComparer.Ordinal);
            if (found.All(f => f.Value.SameAs(effects[f.Key])))
            {
                return new GeneratedCohort(plan, subjects, adverse, round);
            }

            // The events were placed on these courses: take their effects in with the days kept as they are.
            effects = found;
            frames = Frames(plan, effects);
            (var kept, loss) = ExposureCalibration.Search(frames, knobs, targets, options, random, keepLastDose: true);
            if (loss == 0)
            {
                kept = ExposureCalibration.Simplify(frames, kept, targets, options, keepLastDose: true);
                var final = Subjects(plan, frames, kept);
                var again = AdverseEventGenerator.Generate([.. final.Select(CourseOf)], HashCode(plan.Seed, "adverse"));
                if (again.DoseReductions.SequenceEqual(adverse.DoseReductions) && again.Withdrawals.SequenceEqual(adverse.Withdrawals) && again.Interruptions.SequenceEqual(adverse.Interruptions))
                {
                    return new GeneratedCohort(plan, final, again, round);
                }
            }

            nearest = Summary(frames, kept, options);
        }

        throw new InvalidOperationException($"seed {plan.Seed}: the induction exposure did not meet the paper's summary in {MaxRounds} rounds; nearest: {nearest}.");
    }

    /// <summary>The subjects of a plan with their exposure and lesions, on plain courses (no delay, omission or reduction).</summary>
    public static IReadOnlyList<GeneratedSubject> Subjects(CohortOutcomePlan plan)
    {
        ArgumentNullException.ThrowIfNull(plan);
        var frames = Frames(plan, plan.Subjects.ToDictionary(s => s.SubjectId, _ => AdverseEffects.None, StringComparer.Ordinal));
        return Subjects(plan, frames, [.. plan.Subjects.Select(s => ExposureKnobs.None(s.Treatment.InductionCycles))]);
    }

    /// <summary>The adverse-event generator's view of a subject.</summary>
    public static SubjectCourse CourseOf(GeneratedSubject g)
    {
        ArgumentNullException.ThrowIfNull(g);
        var s = g.Plan;
        var random = new Random(HashCode(0, s.SubjectId));
        bool male = s.Baseline.Sex == PlannedSex.Male;
        double height = Math.Round(male ? Normal(random, 167, 6) : Normal(random, 156, 5), 1);
        double weight = Math.Round(male ? Normal(random, 60, 8) : Normal(random, 51, 6), 1);
        var stop = s.Treatment.InductionDiscontinuation ?? s.Treatment.MaintenanceDiscontinuation;
        return new SubjectCourse(
            g.Id,
            s.FirstDoseDate,
            g.CycleDays,
            g.Treatment.InductionCycles,
            g.LastDoseDay,
            s.Treatment.IsOngoingAtCutoff,
            s.LastKnownAliveDay,
            s.Death?.Day,
            s.Death?.Cause switch
            {
                null => null,
                Planning.DeathCause.ProgressiveDisease => DeathCause.Progression,
                Planning.DeathCause.Covid19 => DeathCause.Covid19,
                _ => DeathCause.AdverseEvent,
            },
            s.Death is { } d ? CohortWriter.FatalAdverseEvent(d.Cause) : null,
            stop?.Reason == DiscontinuationReason.AdverseEvent,
            s.Baseline.PriorRadiotherapy,
            weight,
            height,
            male ? "M" : "F",
            s.ScreeningDay);
    }

    /// <summary>Writes every domain.</summary>
    public static DomainTables Write(GeneratedCohort cohort)
    {
        ArgumentNullException.ThrowIfNull(cohort);
        var tables = Write(cohort.Plan, cohort.Subjects);
        AdverseDomainWriter.AddTo(tables, CohortWriter.StudyId, cohort.Adverse);
        return tables;
    }

    private static List<ExposureCalibration.Frame> Frames(CohortOutcomePlan plan, Dictionary<string, AdverseEffects> effects) =>
        [.. plan.Subjects.Select(s => new ExposureCalibration.Frame(s, ExposureCalibration.LastAllowedDay(s, plan.DataCutoff), effects[s.SubjectId]))];

    private static List<GeneratedSubject> Subjects(CohortOutcomePlan plan, List<ExposureCalibration.Frame> frames, ExposureKnobs[] knobs)
    {
        var subjects = new List<GeneratedSubject>();
        for (int i = 0; i < frames.Count; i++)
        {
            var s = frames[i].Plan;
            var course = ExposureCalibration.Course(frames[i], knobs[i])
                ?? throw new InvalidOperationException($"{frames[i].Id}: the calibrated course breaks the plan (a bug).");
            var random = new Random(HashCode(plan.Seed, s.SubjectId));
            var tumours = TumourBuilder.Build(CohortWriter.TumourPlanOf(s), random);
            subjects.Add(new GeneratedSubject(s, course, ExposureBuilder.Build(course), tumours));
        }

        return subjects;
    }

    private static string Summary(List<ExposureCalibration.Frame> frames, ExposureKnobs[] knobs, Clinical.Exposure.ExposureOptions options) =>
        ExposureCalibration.Describe([.. frames.Select((f, i) => ExposureCalibration.Measure(ExposureCalibration.Course(f, knobs[i])!, options))], options.DaysPerMonth);

    private static double Normal(Random random, double mean, double sd)
    {
        double u1 = 1.0 - random.NextDouble(), u2 = random.NextDouble();
        return mean + (sd * Math.Sqrt(-2.0 * Math.Log(u1)) * Math.Cos(2 * Math.PI * u2));
    }

    /// <summary>Writes every domain but AE, LB and VS.</summary>
    public static DomainTables Write(CohortOutcomePlan plan, IReadOnlyList<GeneratedSubject> subjects)
    {
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(subjects);
        var tables = new DomainTables();
        foreach (var g in subjects)
        {
            var s = g.Plan;
            CohortWriter.WriteDemographics(tables, s, g.LastDoseDay, g.EndDay);
        }

        foreach (var f in plan.ScreenFailures)
        {
            CohortWriter.WriteDemographics(tables, f);
        }

        foreach (var g in subjects)
        {
            CohortWriter.WriteCharacteristics(tables, g.Plan);
        }

        foreach (var g in subjects)
        {
            int lastInduction = g.CycleDays[Math.Min(g.Treatment.InductionCycles, g.CycleDays.Count) - 1] + ExposureBuilder.CycleLength - 1;
            if (g.Plan.Treatment.MaintenanceStartDay is { } maintenance)
            {
                lastInduction = Math.Min(lastInduction, g.CycleDays.Count > g.Treatment.InductionCycles ? g.CycleDays[g.Treatment.InductionCycles] - 1 : maintenance - 1);
            }

            CohortWriter.WriteDisposition(tables, g.Plan, lastInduction);
        }

        foreach (var f in plan.ScreenFailures)
        {
            CohortWriter.WriteDisposition(tables, f);
        }

        foreach (var g in subjects)
        {
            CohortWriter.WriteExposure(tables, g.Plan, g.Exposure);
        }

        foreach (var g in subjects)
        {
            CohortWriter.WriteTumours(tables, g.Plan, g.Tumours);
        }

        foreach (var g in subjects)
        {
            CohortWriter.WriteTherapies(tables, g.Plan);
        }

        CohortWriter.WriteTrialSummary(tables, plan.DataCutoff);
        return tables;
    }

    /// <summary>A per-subject seed from the plan's seed and the subject id (the same on every machine: no string.GetHashCode).</summary>
    private static int HashCode(int seed, string id)
    {
        unchecked
        {
            int h = seed * 31 + 17;
            foreach (char c in id)
            {
                h = (h * 31) + c;
            }

            return h & 0x7FFFFFFF;
        }
    }
}
