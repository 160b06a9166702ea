using System.Globalization;
using OncoTrial.Clinical.Recist;
using OncoTrial.Statistics;

namespace OncoTrial.Clinical.Endpoints;

/// <summary>
/// Options of the time-to-event derivations, with the defaults of docs/decisions/0003-censoring.md. A result carries the
/// options that produced it (<see cref="TimeToEventRecord.Options"/>).
/// </summary>
public sealed record EndpointOptions
{
    /// <summary>Days per month used for every month value: 30.4375 = 365.25 / 12 (admiral, SAS and R convention).</summary>
    public const double DaysPerMonth = 30.4375;

    /// <summary>The defaults: FDA, first dose, 42-day schedule with a 7-day window, 2 missed assessments, confirmed responders, detailed CNSR codes.</summary>
    public static EndpointOptions Default { get; } = new();

    /// <summary>FDA (default) or EMA conventions.</summary>
    public CensoringConvention Convention { get; init; } = CensoringConvention.Fda;

    /// <summary>Which date is day 1 (the subject's <see cref="EndpointSubject.StartDate"/>): first dose (TRTSDT) by default.</summary>
    public StartDateSource StartDateSource { get; init; } = StartDateSource.FirstDose;

    /// <summary>Scheduled interval between tumour assessments, Δ, in days (> 0; default 42, every 6 weeks).</summary>
    public int AssessmentIntervalDays { get; init; } = 42;

    /// <summary>Visit window w in days (≥ 0; default 7, ±1 week).</summary>
    public int AssessmentWindowDays { get; init; } = 7;

    /// <summary>
    /// How many consecutive missed assessments make an event censored under FDA conventions (≥ 1; default 2). The event
    /// is "after missed assessments" when event date − last adequate assessment date &gt; <see cref="MissedAssessmentGapDays"/>.
    /// </summary>
    public int MissedAssessments { get; init; } = 2;

    /// <summary>The largest gap in days that is not "missed": MissedAssessments × AssessmentIntervalDays + AssessmentWindowDays (2 × 42 + 7 = 91 by default).</summary>
    public int MissedAssessmentGapDays => (MissedAssessments * AssessmentIntervalDays) + AssessmentWindowDays;

    /// <summary>Confirmed (default) or unconfirmed responders for DoR and time to response.</summary>
    public ResponseBasis ResponseBasis { get; init; } = ResponseBasis.Confirmed;

    /// <summary>How CNSR codes a censored record: 1-4 by reason (default) or 1 whatever the reason (admiral).</summary>
    public CensorCoding CensorCoding { get; init; } = CensorCoding.Detailed;

    /// <summary>ADaM domain of the tumour assessments, the SRCDOM of events and censorings they give (default ADRS).</summary>
    public string AssessmentDomain { get; init; } = "ADRS";

    /// <summary>Date variable of the tumour assessments, their SRCVAR (default ADT).</summary>
    public string AssessmentDateVariable { get; init; } = "ADT";

    /// <summary>One line for a report footnote, e.g. "FDA censoring; day 1 = TRTSDT; assessments every 42 d ± 7 d; ...".</summary>
    public string Describe() => string.Create(
        CultureInfo.InvariantCulture,
        $"{(Convention == CensoringConvention.Fda ? "FDA" : "EMA")} censoring; day 1 = {StartDateSource.ToVariable()}; assessments every {AssessmentIntervalDays} d ± {AssessmentWindowDays} d; an event more than {MissedAssessmentGapDays} d after the last adequate assessment follows {MissedAssessments} missed assessments; {(ResponseBasis == ResponseBasis.Confirmed ? "confirmed" : "unconfirmed")} responses; months = days / {DaysPerMonth}; deaths, assessments and therapy after the data cutoff are ignored; CNSR {(CensorCoding == CensorCoding.Detailed ? "0 event, 1-4 by censoring reason" : "0 event, 1 censored (admiral)")}.");

    /// <summary>
    /// Every problem with the options (empty when valid), each named by its option: <c>assessment-interval-days</c>
    /// &gt; 0, <c>assessment-window-days</c> ≥ 0, <c>missed-assessments</c> ≥ 1, and defined <c>convention</c>,
    /// <c>start-date</c>, <c>response-basis</c> and <c>cnsr-coding</c>.
    /// </summary>
    public IReadOnlyList<Problem> Validate()
    {
        var problems = new List<Problem>();
        if (AssessmentIntervalDays <= 0)
        {
            problems.Add(OptionProblems.WholeNumber("assessment-interval-days", "a number of days > 0", AssessmentIntervalDays, "Use the protocol's scan interval, e.g. 42 for every 6 weeks."));
        }

        if (AssessmentWindowDays < 0)
        {
            problems.Add(OptionProblems.WholeNumber("assessment-window-days", "a number of days >= 0", AssessmentWindowDays, "Use the protocol's visit window, e.g. 7."));
        }

        if (MissedAssessments < 1)
        {
            problems.Add(OptionProblems.WholeNumber("missed-assessments", "a count >= 1", MissedAssessments, "FDA guidance uses 2."));
        }

        OptionProblems.CheckDefined(problems, "convention", Convention);
        OptionProblems.CheckDefined(problems, "start-date", StartDateSource);
        OptionProblems.CheckDefined(problems, "response-basis", ResponseBasis);
        OptionProblems.CheckDefined(problems, "cnsr-coding", CensorCoding);
        return problems.AsReadOnly();
    }

    /// <summary>Throws <see cref="ArgumentOutOfRangeException"/> listing every problem of <see cref="Validate"/>, one per line.</summary>
    public void EnsureValid() => OptionProblems.ThrowIfAny(Validate(), "options");
}
