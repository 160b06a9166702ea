using System.Globalization;

using OncoTrial.Statistics;

namespace OncoTrial.Clinical.Recist;

/// <summary>
/// The numbers of RECIST 1.1 (Eisenhauer et al., EJC 2009;45:228–247) as named data: the response cut-offs, the
/// target-selection limits and the lesion sizes. The derivation reads them from <see cref="RecistOptions.Thresholds"/>,
/// the lesion model from <see cref="LesionAssessment.SizeMmUnder"/> and the study validator from <see cref="Recist11"/>;
/// no other code holds a RECIST number.
/// </summary>
/// <remarks>
/// Fractions and sizes are exact decimals, so comparisons are exact: with the defaults, PD is
/// <c>sum ≥ 1.20 × nadir</c> and <c>sum − nadir ≥ 5</c>, PR is <c>sum ≤ 0.70 × baseline</c>, with no rounding (reference
/// note §1.4); the products are exact for any sum of up to 26 significant digits, so they decide as the ratios
/// <c>sum × 5 ≥ nadir × 6</c> and <c>sum × 10 ≤ baseline × 7</c> do. A protocol that departs from RECIST 1.1 (e.g. PD
/// at +25%) changes one member with <c>with</c>: <c>RecistThresholds.Recist11 with { ProgressionFromNadir = 0.25m }</c>.
/// </remarks>
public sealed record RecistThresholds
{
    /// <summary>The values of RECIST 1.1.</summary>
    public static RecistThresholds Recist11 { get; } = new();

    /// <summary>
    /// PD: the sum of diameters is at least this fraction above the nadir (the smallest sum on study, baseline
    /// included). RECIST 1.1 §4.3.1: "at least a 20% increase in the sum of diameters of target lesions, taking as
    /// reference the smallest sum on study". Default 0.20. Range ≥ 0.
    /// </summary>
    public decimal ProgressionFromNadir { get; init; } = 0.20m;

    /// <summary>
    /// PD also needs the sum to be at least this many mm above the nadir. RECIST 1.1 §4.3.1: "the sum must also
    /// demonstrate an absolute increase of at least 5 mm". Default 5. Range ≥ 0.
    /// </summary>
    public decimal ProgressionMinimumMm { get; init; } = 5m;

    /// <summary>
    /// PR: the sum of diameters is at least this fraction below the baseline sum. RECIST 1.1 §4.3.1: "at least a 30%
    /// decrease in the sum of diameters of target lesions, taking as reference the baseline sum diameters".
    /// Default 0.30. Range 0 to 1.
    /// </summary>
    public decimal PartialResponseFromBaseline { get; init; } = 0.30m;

    /// <summary>At most this many target lesions per subject. RECIST 1.1 §4.2: "a maximum of five lesions total". Default 5. Range ≥ 1.</summary>
    public int MaxTargetLesions { get; init; } = 5;

    /// <summary>
    /// At most this many target lesions per organ, all lymph nodes counting as one organ. RECIST 1.1 §4.2: "a
    /// maximum of two lesions per organ". Default 2. Range ≥ 1.
    /// </summary>
    public int MaxTargetLesionsPerOrgan { get; init; } = 2;

    /// <summary>
    /// A non-nodal lesion is measurable (may be a target) with a longest diameter of at least this many mm (CT, slice
    /// ≤ 5 mm). RECIST 1.1 §3.1.1: "10 mm by CT scan". Default 10. Range ≥ 0.
    /// </summary>
    public decimal MeasurableLesionMm { get; init; } = 10m;

    /// <summary>
    /// A lymph node is pathologically enlarged and measurable with a short axis of at least this many mm. RECIST 1.1
    /// §3.1.1: "≥ 15 mm in short axis when assessed by CT scan". Default 15. Range ≥ 0.
    /// </summary>
    public decimal MeasurableNodeShortAxisMm { get; init; } = 15m;

    /// <summary>
    /// A lymph node with a short axis below this many mm is normal: a target node below it is compatible with CR (so
    /// the sum at CR need not be 0), a non-target node below it counts as gone. RECIST 1.1 §4.3.1 (CR: "any
    /// pathological lymph nodes ... must have reduction in short axis to &lt; 10 mm"). Default 10. Range ≥ 0.
    /// </summary>
    public decimal NormalNodeShortAxisMm { get; init; } = 10m;

    /// <summary>
    /// The size given to a lesion that is present but too small to measure. RECIST 1.1 §4.3.2: "a default value of
    /// 5 mm should be assigned"; CDISC records it as TRSTRESN = 5. Default 5. Range ≥ 0.
    /// </summary>
    public decimal TooSmallToMeasureMm { get; init; } = 5m;

    /// <summary>True when a sum meets PD against the nadir: <c>sum ≥ (1 + ProgressionFromNadir) × nadir</c> and <c>sum − nadir ≥ ProgressionMinimumMm</c>.</summary>
    internal bool IsProgression(decimal sum, decimal nadir) =>
        sum >= nadir * (1 + ProgressionFromNadir) && sum - nadir >= ProgressionMinimumMm;

    /// <summary>True when a sum meets PR against the baseline sum: <c>sum ≤ (1 − PartialResponseFromBaseline) × baseline</c>.</summary>
    internal bool IsPartialResponse(decimal sum, decimal baselineSum) =>
        sum <= baselineSum * (1 - PartialResponseFromBaseline);

    /// <summary>
    /// Every problem with the values (empty when valid), each named as an option <c>threshold-NAME</c> in kebab case
    /// (e.g. <c>threshold-progression-from-nadir</c>).
    /// </summary>
    public IReadOnlyList<Problem> Validate()
    {
        var problems = new List<Problem>();
        void Check(bool ok, string name, string expected, decimal found)
        {
            if (!ok)
            {
                problems.Add(Problem.ForOption("threshold-" + Vocabulary.EnumNamingPolicy.ConvertName(name), "OPTION_RANGE", expected, Format(found)));
            }
        }

        Check(ProgressionFromNadir >= 0, nameof(ProgressionFromNadir), "a fraction >= 0", ProgressionFromNadir);
        Check(ProgressionMinimumMm >= 0, nameof(ProgressionMinimumMm), "a size in mm >= 0", ProgressionMinimumMm);
        Check(PartialResponseFromBaseline is >= 0 and <= 1, nameof(PartialResponseFromBaseline), "a fraction from 0 to 1", PartialResponseFromBaseline);
        Check(MaxTargetLesions >= 1, nameof(MaxTargetLesions), "a count >= 1", MaxTargetLesions);
        Check(MaxTargetLesionsPerOrgan >= 1, nameof(MaxTargetLesionsPerOrgan), "a count >= 1", MaxTargetLesionsPerOrgan);
        Check(MeasurableLesionMm >= 0, nameof(MeasurableLesionMm), "a size in mm >= 0", MeasurableLesionMm);
        Check(MeasurableNodeShortAxisMm >= 0, nameof(MeasurableNodeShortAxisMm), "a size in mm >= 0", MeasurableNodeShortAxisMm);
        Check(NormalNodeShortAxisMm >= 0, nameof(NormalNodeShortAxisMm), "a size in mm >= 0", NormalNodeShortAxisMm);
        Check(TooSmallToMeasureMm >= 0, nameof(TooSmallToMeasureMm), "a size in mm >= 0", TooSmallToMeasureMm);
        return problems;
    }

    /// <summary>
    /// One line naming every threshold, e.g. "PD >= +20% and >= 5 mm over the nadir, PR &lt;= -30% from baseline, ...".
    /// </summary>
    public string Describe() =>
        $"PD >= +{Format(ProgressionFromNadir * 100)}% and >= {Format(ProgressionMinimumMm)} mm over the nadir, PR <= -{Format(PartialResponseFromBaseline * 100)}% from baseline, "
        + $"at most {Format(MaxTargetLesions)} targets ({Format(MaxTargetLesionsPerOrgan)} per organ), measurable >= {Format(MeasurableLesionMm)} mm (nodes >= {Format(MeasurableNodeShortAxisMm)} mm short axis), "
        + $"normal node < {Format(NormalNodeShortAxisMm)} mm, too small to measure = {Format(TooSmallToMeasureMm)} mm";

    /// <summary>A threshold as text: invariant culture, no trailing zeros (15, 12.5, 0.25).</summary>
    internal static string Format(decimal value) => value.ToString("0.############################", CultureInfo.InvariantCulture);
}
