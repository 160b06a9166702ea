namespace OncoTrial.Clinical.Exposure;

/// <summary>Median, mean and range of a set of values; every statistic is null when there are no values.</summary>
/// <param name="N">Number of values.</param>
/// <param name="Median">Median (mean of the two middle values when N is even).</param>
/// <param name="Mean">Arithmetic mean.</param>
/// <param name="Min">Smallest value.</param>
/// <param name="Max">Largest value.</param>
public sealed record RangeSummary(int N, double? Median, double? Mean, double? Min, double? Max)
{
    /// <summary>The summary of the values (any order; R <c>median()</c>, <c>mean()</c>, <c>range()</c>).</summary>
    /// <param name="values">Finite values.</param>
    public static RangeSummary Compute(IEnumerable<double> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        double[] v = [.. values];
        if (v.Length == 0)
        {
            return new RangeSummary(0, null, null, null, null);
        }

        Array.Sort(v);
        int m = v.Length / 2;
        double median = v.Length % 2 == 1 ? v[m] : (v[m - 1] + v[m]) / 2;
        return new RangeSummary(v.Length, median, v.Average(), v[0], v[^1]);
    }
}

/// <summary>The paper's compliance figures for one drug in one phase (Phase null: whole treatment).</summary>
/// <param name="Drug">EXTRT.</param>
/// <param name="Phase">Phase, or null for the whole treatment.</param>
/// <param name="Subjects">Subjects given the drug in the phase.</param>
/// <param name="Cycles">Cycles started.</param>
/// <param name="Rdi">RDI of <see cref="ExposureOptions.Rdi"/> (%), subjects with a known planned dose.</param>
/// <param name="RelativeDoseIntensity">Cycle-day-1 anchored RDI (%).</param>
/// <param name="RelativeDose">Relative dose (%).</param>
/// <param name="DurationMonths">Treatment duration in months.</param>
/// <param name="SubjectsWithReduction">Subjects with at least one reduced cycle.</param>
/// <param name="SubjectsWithDelay">Subjects with at least one delayed cycle.</param>
public sealed record DrugExposureSummary(
    string Drug,
    TreatmentPhase? Phase,
    int Subjects,
    RangeSummary Cycles,
    RangeSummary Rdi,
    RangeSummary RelativeDoseIntensity,
    RangeSummary RelativeDose,
    RangeSummary DurationMonths,
    int SubjectsWithReduction,
    int SubjectsWithDelay)
{
    /// <summary>USUBJID of the subjects given the drug in the phase (<see cref="Subjects"/> of them), in ordinal order: a table cell's drill-down.</summary>
    public IReadOnlyList<string> SubjectIds { get; init; } = [];

    /// <summary>USUBJID of the subjects with a reduced cycle, in ordinal order.</summary>
    public IReadOnlyList<string> ReducedSubjectIds { get; init; } = [];

    /// <summary>USUBJID of the subjects with a delayed cycle, in ordinal order.</summary>
    public IReadOnlyList<string> DelayedSubjectIds { get; init; } = [];
}

/// <summary>Cycles started per subject (any drug) in one phase.</summary>
/// <param name="Phase">Phase, or null for the whole treatment.</param>
/// <param name="CyclesStarted">Cycles started per subject.</param>
public sealed record PhaseCycleSummary(TreatmentPhase? Phase, RangeSummary CyclesStarted)
{
    /// <summary>USUBJID of the subjects with a cycle in the phase, in ordinal order: a table cell's drill-down.</summary>
    public IReadOnlyList<string> SubjectIds { get; init; } = [];
}

/// <summary>The treatment-compliance paragraph of the paper, computed.</summary>
/// <param name="SubjectsTreated">Subjects with an exposure record of any drug (a dose &gt; 0, or a placebo: <see cref="TreatmentExposure.IsExposure(double?, string?)"/>) in the cycle-based exposure.</param>
/// <param name="Phases">Cycles per subject: whole treatment, induction, maintenance.</param>
/// <param name="Drugs">Per drug and phase, ordered by drug then phase (whole treatment first).</param>
/// <param name="SubjectsWithInductionCyclesInRange">Subjects with <see cref="ExposureOptions.MinInductionCycles"/> to <see cref="ExposureOptions.MaxInductionCycles"/> induction cycles started.</param>
/// <param name="CompletedInductionAndEnteredMaintenance">Of those, the subjects with a maintenance dose (the paper's "completed 4-6 cycles and proceeded to maintenance").</param>
/// <param name="Options">The options that produced the summary.</param>
public sealed record ExposureSummary(
    int SubjectsTreated,
    IReadOnlyList<PhaseCycleSummary> Phases,
    IReadOnlyList<DrugExposureSummary> Drugs,
    int SubjectsWithInductionCyclesInRange,
    int CompletedInductionAndEnteredMaintenance,
    ExposureOptions Options)
{
    /// <summary>USUBJID of the <see cref="SubjectsWithInductionCyclesInRange"/> subjects, in ordinal order.</summary>
    public IReadOnlyList<string> InductionCyclesInRangeSubjectIds { get; init; } = [];

    /// <summary>USUBJID of the <see cref="CompletedInductionAndEnteredMaintenance"/> subjects, in ordinal order.</summary>
    public IReadOnlyList<string> EnteredMaintenanceSubjectIds { get; init; } = [];

    /// <summary>The summary of a drug in a phase, or null.</summary>
    public DrugExposureSummary? For(string drug, TreatmentPhase? phase) =>
        Drugs.FirstOrDefault(d => string.Equals(d.Drug, drug, StringComparison.OrdinalIgnoreCase) && d.Phase == phase);

    /// <summary>Cycles per subject in a phase (null: whole treatment).</summary>
    public PhaseCycleSummary? ForPhase(TreatmentPhase? phase) => Phases.FirstOrDefault(p => p.Phase == phase);

    /// <summary>
    /// Summarises drug exposures from <see cref="ExposureDerivation.DeriveDrugExposures"/>. Cycles per subject and phase
    /// count distinct cycle numbers over all drugs.
    /// </summary>
    /// <param name="exposures">The per-subject records (whole treatment and per phase).</param>
    /// <param name="options">The options they were derived with; when null, those the first record carries (else <see cref="ExposureOptions.Default"/>).</param>
    public static ExposureSummary Compute(IReadOnlyList<DrugExposure> exposures, ExposureOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(exposures);
        options ??= exposures.Count > 0 ? exposures[0].Options : ExposureOptions.Default;
        var drugs = exposures
            .GroupBy(e => (e.Drug, e.Phase))
            .OrderBy(g => g.Key.Drug, StringComparer.Ordinal)
            .ThenBy(g => g.Key.Phase is null ? -1 : (int)g.Key.Phase)
            .Select(g => new DrugExposureSummary(
                g.Key.Drug,
                g.Key.Phase,
                g.Count(),
                RangeSummary.Compute(g.Select(e => (double)e.CyclesStarted)),
                RangeSummary.Compute(g.Select(e => e.Rdi(options.Rdi)).OfType<double>()),
                RangeSummary.Compute(g.Select(e => e.RelativeDoseIntensity).OfType<double>()),
                RangeSummary.Compute(g.Select(e => e.RelativeDose).OfType<double>()),
                RangeSummary.Compute(g.Select(e => e.DurationMonths)),
                g.Count(e => e.HasReduction),
                g.Count(e => e.HasDelay))
            {
                SubjectIds = Ids(g),
                ReducedSubjectIds = Ids(g.Where(e => e.HasReduction)),
                DelayedSubjectIds = Ids(g.Where(e => e.HasDelay)),
            })
            .ToList();

        Dictionary<string, int> CyclesPerSubject(TreatmentPhase? phase) => exposures
            .Where(e => e.Phase == phase)
            .GroupBy(e => e.Subject, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.SelectMany(e => e.Cycles).Select(c => c.Cycle).Distinct().Count(), StringComparer.Ordinal);

        var whole = CyclesPerSubject(null);
        var induction = CyclesPerSubject(TreatmentPhase.Induction);
        var maintenance = CyclesPerSubject(TreatmentPhase.Maintenance);
        var inRange = induction.Where(p => p.Value >= options.MinInductionCycles && p.Value <= options.MaxInductionCycles).Select(p => p.Key).ToList();
        return new ExposureSummary(
            whole.Count,
            [
                new PhaseCycleSummary(null, RangeSummary.Compute(whole.Values.Select(v => (double)v))) { SubjectIds = [.. whole.Keys.Order(StringComparer.Ordinal)] },
                new PhaseCycleSummary(TreatmentPhase.Induction, RangeSummary.Compute(induction.Values.Select(v => (double)v))) { SubjectIds = [.. induction.Keys.Order(StringComparer.Ordinal)] },
                new PhaseCycleSummary(TreatmentPhase.Maintenance, RangeSummary.Compute(maintenance.Values.Select(v => (double)v))) { SubjectIds = [.. maintenance.Keys.Order(StringComparer.Ordinal)] },
            ],
            drugs.AsReadOnly(),
            inRange.Count,
            inRange.Count(maintenance.ContainsKey),
            options)
        {
            InductionCyclesInRangeSubjectIds = [.. inRange.Order(StringComparer.Ordinal)],
            EnteredMaintenanceSubjectIds = [.. inRange.Where(maintenance.ContainsKey).Order(StringComparer.Ordinal)],
        };
    }

    private static List<string> Ids(IEnumerable<DrugExposure> exposures) =>
        [.. exposures.Select(e => e.Subject).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)];
}
