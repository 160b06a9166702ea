using System.Globalization;
using System.Text.Json.Serialization;
using OncoTrial.Statistics;

namespace OncoTrial.Clinical.Recist;

/// <summary>What a PR, SD or NON-CR/NON-PD after a CR means (RECIST Table 3 footnote a; admiralonco issues #87, #275).</summary>
public enum CrThenPrPolicy
{
    /// <summary>
    /// admiralonco: a CR followed by a PR is a data issue (<c>signal_crpr()</c> warns); the responses are derived as
    /// recorded, so CR, PR gives an unconfirmed CR and BOR SD when the SD duration was met.
    /// </summary>
    Admiralonco,

    /// <summary>
    /// Strict RECIST 1.1 Table 3: after a CR any reappearing disease is progression, so a PR, SD or NON-CR/NON-PD
    /// after a CR is recoded PD at that time point (before the cut at the first PD). BOR is then SD if the CR met
    /// the SD minimum duration and PD otherwise.
    /// </summary>
    [JsonStringEnumMemberName("strict")]
    StrictRecistTable3,
}

/// <summary>
/// The protocol choices of the RECIST 1.1 derivations, each named after its admiralonco twin. The defaults are
/// stated once, in docs/decisions/0002-recist-options.md, and printed with every result (<see cref="Describe"/>).
/// </summary>
public sealed record RecistOptions
{
    /// <summary>The defaults: RECIST 1.1 and admiralonco (28, 0, 42, 1, no SD, admiralonco CR-then-PR, no sticky PR, RECIST 1.1 thresholds).</summary>
    public static RecistOptions Default { get; } = new();

    /// <summary>
    /// Minimum days from a CR/PR to the assessment that confirms it; admiralonco <c>ref_confirm</c>. Default 28
    /// (RECIST "at least 4 weeks"). The seed protocol reconfirms at ≥ 42 days; give it with
    /// <see cref="ConfirmationWindowDays"/>. Range ≥ 0.
    /// </summary>
    public int ConfirmationMinDays { get; init; } = 28;

    /// <summary>
    /// Visit-window tolerance subtracted from <see cref="ConfirmationMinDays"/>: an assessment confirms when it is at
    /// least <c>ConfirmationMinDays − ConfirmationWindowDays</c> days later. No admiralonco twin (it has none):
    /// default 0. With 6-weekly scans and a ±7 day window, 42 and 7 accept a scan 35 days later. Range ≥ 0.
    /// </summary>
    public int ConfirmationWindowDays { get; init; }

    /// <summary>
    /// Minimum days from the reference date (day 0: first dose, or randomisation) for SD or NON-CR/NON-PD to count;
    /// admiralonco <c>ref_start_window</c> (compared as <c>ADT &gt;= ref + window</c>). Default 42. Range ≥ 0.
    /// </summary>
    public int SdMinDays { get; init; } = 42;

    /// <summary>Most NE assessments allowed between a response and its confirmation; admiralonco <c>max_nr_ne</c>. Default 1.</summary>
    public int MaxNotEvaluableBetween { get; init; } = 1;

    /// <summary>Whether one SD between a PR and its confirmation is allowed; admiralonco <c>accept_sd</c>. Default false.</summary>
    public bool AcceptSd { get; init; }

    /// <summary>Whether a subject with no assessment gets NE instead of MISSING; admiralonco <c>missing_as_ne</c>. Default false.</summary>
    public bool MissingAsNotEvaluable { get; init; }

    /// <summary>
    /// Whether ND (not done) time points are read as NE before confirmation (docs/reference/recist-rules.md §2.7, case U). admiralonco
    /// has no twin: it keeps ND, which breaks a confirmation window. Default false (as admiralonco).
    /// </summary>
    public bool NotDoneAsNotEvaluable { get; init; }

    /// <summary>A PR, SD or NON-CR/NON-PD after a CR: <see cref="CrThenPrPolicy.Admiralonco"/> (default) or strict RECIST Table 3.</summary>
    public CrThenPrPolicy CrThenPr { get; init; } = CrThenPrPolicy.Admiralonco;

    /// <summary>
    /// "Sticky" confirmed PR (EORTC RECIST FAQ "Managing PR when TP measurements change slightly"): once a PR is
    /// confirmed, later time points that would be SD stay PR until PD. Not in the 2009 paper and not in admiralonco;
    /// changes time-point values only (never BOR). Default false.
    /// </summary>
    public bool StickyConfirmedPartialResponse { get; init; }

    /// <summary>
    /// The RECIST numbers: the PD and PR cut-offs, the target limits and the lesion sizes. Default
    /// <see cref="RecistThresholds.Recist11"/>; a protocol that departs from RECIST 1.1 changes a member, e.g.
    /// <c>RecistThresholds.Recist11 with { ProgressionFromNadir = 0.25m }</c> for PD at +25%.
    /// </summary>
    public RecistThresholds Thresholds
    {
        get => _thresholds;
        init => _thresholds = value ?? throw new ArgumentNullException(nameof(value));
    }

    private readonly RecistThresholds _thresholds = RecistThresholds.Recist11;

    /// <summary>The smallest gap in days that confirms a response: <c>ConfirmationMinDays − ConfirmationWindowDays</c>.</summary>
    public int EffectiveConfirmationDays => Math.Max(0, ConfirmationMinDays - ConfirmationWindowDays);

    /// <summary>
    /// Every problem with the values (empty when valid), each named by its option: <c>confirm-days</c>,
    /// <c>confirm-window-days</c> and <c>sd-min-days</c> ≥ 0 days, <c>max-ne</c> ≥ 0.
    /// </summary>
    public IReadOnlyList<Problem> Validate()
    {
        var problems = new List<Problem>();
        if (ConfirmationMinDays < 0)
        {
            problems.Add(OptionProblems.WholeNumber("confirm-days", "a number of days >= 0", ConfirmationMinDays));
        }

        if (ConfirmationWindowDays < 0)
        {
            problems.Add(OptionProblems.WholeNumber("confirm-window-days", "a number of days >= 0", ConfirmationWindowDays));
        }

        if (SdMinDays < 0)
        {
            problems.Add(OptionProblems.WholeNumber("sd-min-days", "a number of days >= 0", SdMinDays));
        }

        if (MaxNotEvaluableBetween < 0)
        {
            problems.Add(OptionProblems.WholeNumber("max-ne", "a count >= 0", MaxNotEvaluableBetween));
        }

        problems.AddRange(Thresholds.Validate());
        return problems.AsReadOnly();
    }

    /// <summary>Throws <see cref="ArgumentException"/> listing every problem of <see cref="Validate"/>, one per line, when the options are not valid.</summary>
    public void EnsureValid() => OptionProblems.ThrowArgumentIfAny(Validate(), "options");

    /// <summary>
    /// One line naming every option and its value, e.g. for a table footnote. Thresholds other than
    /// <see cref="RecistThresholds.Recist11"/> are appended (<see cref="RecistThresholds.Describe"/>).
    /// </summary>
    public string Describe() => DescribeOptions() + (Thresholds == RecistThresholds.Recist11 ? string.Empty : "; thresholds: " + Thresholds.Describe());

    private string DescribeOptions() => string.Create(
        CultureInfo.InvariantCulture,
        $"RECIST 1.1: confirmation >= {ConfirmationMinDays} d (window {ConfirmationWindowDays} d), SD >= {SdMinDays} d from reference date, max NE between {MaxNotEvaluableBetween}, accept SD {(AcceptSd ? "yes" : "no")}, missing as NE {(MissingAsNotEvaluable ? "yes" : "no")}, ND as NE {(NotDoneAsNotEvaluable ? "yes" : "no")}, CR then PR/SD {Vocabulary.Token(CrThenPr)}, sticky confirmed PR {(StickyConfirmedPartialResponse ? "yes" : "no")}, cut at first PD");
}
