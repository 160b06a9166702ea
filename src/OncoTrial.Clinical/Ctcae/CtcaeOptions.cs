using System.Globalization;

using OncoTrial.Statistics;

namespace OncoTrial.Clinical.Ctcae;

/// <summary>What a grade-1 band needing a missing LLN/ULN gives (docs/reference/ctcae-conventions.md §2.4.1).</summary>
public enum MissingNormalLimit
{
    /// <summary>admiral: NA (not gradable) when the missing limit decides; more severe grades with absolute cut-offs are still given.</summary>
    AdmiralNotGradable,

    /// <summary>PharmaForest ctcae5_grader: grade 0 when the LLN/ULN is missing and no more severe cut-off is met.</summary>
    PharmaForestGradeZero,
}

/// <summary>When a baseline counts as abnormal for the ALT/AST/bilirubin "if baseline was abnormal" rules (docs/reference/ctcae-conventions.md §2.4.3).</summary>
public enum AbnormalBaseline
{
    /// <summary>
    /// Baseline value above the baseline record's own ULN (LBSTNRHI of the baseline record; the current ULN when the
    /// baseline record has none). admiral's first rule (<c>BASE &gt; ANRHI</c>) but with the baseline's own limit, which
    /// avoids the vendor-change problem of admiral #2492.
    /// </summary>
    BaselineAboveUpperLimit,

    /// <summary>admiral (after #2492): the baseline record's reference range indicator (LBNRIND) is HIGH; a missing indicator is normal.</summary>
    AdmiralReferenceRangeIndicator,
}

/// <summary>How baseline and pre-treatment records of baseline-dependent terms are graded (admiral #2512, docs/reference/ctcae-conventions.md §2.4.3).</summary>
public enum BaselineRecordGrading
{
    /// <summary>The proposal in admiral #2512: records on or before the first dose are graded by the ULN (normal-baseline) rules.</summary>
    UpperLimitRules,

    /// <summary>admiral today: the baseline-relative rules apply to the baseline record too (which then always grades 0 when abnormal).</summary>
    AdmiralBaselineRelative,
}

/// <summary>Whether creatinine's "x baseline" clauses (grades 2 and 3) apply (docs/reference/ctcae-conventions.md §2.4.4).</summary>
public enum CreatinineBaseline
{
    /// <summary>admiral: the literal reading; the x baseline clauses apply whatever the baseline status.</summary>
    AdmiralLiteral,

    /// <summary>PharmaForest ctcae5_grader: ULN clauses only.</summary>
    PharmaForestUlnOnly,
}

/// <summary>Whether a blood-pressure reading in the grade 2 band needs a normal baseline ("if previously WNL", docs/reference/ctcae-conventions.md §2.3).</summary>
public enum HypertensionGrade2
{
    /// <summary>The reading alone gives grade 2 (no open twin grades hypertension; the common SAP reading).</summary>
    ReadingOnly,

    /// <summary>
    /// Literal CTCAE: the reading gives grade 2 only when the baseline reading of the same test was within normal
    /// limits (grade 0: below 120 systolic / 80 diastolic); otherwise, or without a baseline, not gradable (clinical data needed).
    /// </summary>
    PreviouslyNormalOnly,
}

/// <summary>
/// The choices CTCAE v5.0 leaves open when grading from data, each named after its twin. The defaults are stated
/// once, in docs/decisions/0005-ctcae.md, and printed with every result (<see cref="Describe"/>).
/// </summary>
public sealed record CtcaeOptions
{
    /// <summary>The defaults (admiral wherever admiral has a twin; the #2512 proposal for baseline records).</summary>
    public static CtcaeOptions Default { get; } = new();

    /// <summary>Missing LLN/ULN for grade 1. Default <see cref="MissingNormalLimit.AdmiralNotGradable"/>.</summary>
    public MissingNormalLimit MissingNormalLimit { get; init; } = MissingNormalLimit.AdmiralNotGradable;

    /// <summary>Abnormal baseline definition. Default <see cref="AbnormalBaseline.BaselineAboveUpperLimit"/>.</summary>
    public AbnormalBaseline AbnormalBaseline { get; init; } = AbnormalBaseline.BaselineAboveUpperLimit;

    /// <summary>Baseline-record grading. Default <see cref="BaselineRecordGrading.UpperLimitRules"/>.</summary>
    public BaselineRecordGrading BaselineRecordGrading { get; init; } = BaselineRecordGrading.UpperLimitRules;

    /// <summary>Creatinine x baseline clauses. Default <see cref="CreatinineBaseline.AdmiralLiteral"/>.</summary>
    public CreatinineBaseline CreatinineBaseline { get; init; } = CreatinineBaseline.AdmiralLiteral;

    /// <summary>Hypertension grade 2 and the baseline. Default <see cref="HypertensionGrade2.ReadingOnly"/>.</summary>
    public HypertensionGrade2 HypertensionGrade2 { get; init; } = HypertensionGrade2.ReadingOnly;

    /// <summary>
    /// Days before an AE's start and after its end (or, while ongoing, after its start: open-ended) in which a lab
    /// counts for the AE cross-check. Default 0 (the AE's own dates). Range 0..365.
    /// </summary>
    public int CrossCheckToleranceDays { get; init; }

    /// <summary>Most days of <see cref="CrossCheckToleranceDays"/>.</summary>
    public const int MaxCrossCheckToleranceDays = 365;

    /// <summary>
    /// Every problem with the options (empty when valid): <see cref="CrossCheckToleranceDays"/> from 0 to
    /// <see cref="MaxCrossCheckToleranceDays"/> (option <c>cross-check-tolerance-days</c>). The other options are
    /// choices between rules and have no range.
    /// </summary>
    public IReadOnlyList<Problem> Validate() =>
        CrossCheckToleranceDays is >= 0 and <= MaxCrossCheckToleranceDays
            ? []
            : [OptionProblems.WholeNumber("cross-check-tolerance-days", string.Create(CultureInfo.InvariantCulture, $"a number of days from 0 to {MaxCrossCheckToleranceDays}"), CrossCheckToleranceDays)];

    /// <summary>One line naming every option, for printing with results.</summary>
    public string Describe() => string.Create(
        CultureInfo.InvariantCulture,
        $"CTCAE v5.0; missing normal limit: {Vocabulary.Token(MissingNormalLimit)}; abnormal baseline: {Vocabulary.Token(AbnormalBaseline)}; baseline records: {Vocabulary.Token(BaselineRecordGrading)}; creatinine: {Vocabulary.Token(CreatinineBaseline)}; hypertension grade 2: {Vocabulary.Token(HypertensionGrade2)}; cross-check tolerance: {CrossCheckToleranceDays} d");
}
