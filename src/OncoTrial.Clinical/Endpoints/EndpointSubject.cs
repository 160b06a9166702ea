using System.Collections.ObjectModel;
using OncoTrial.Clinical.Recist;

namespace OncoTrial.Clinical.Endpoints;

/// <summary>One tumour assessment (time point) with its overall response.</summary>
/// <param name="Date">Assessment date (ADRS.ADT; for PD, the date of the scan that showed it).</param>
/// <param name="Response">The overall (time-point) response.</param>
/// <param name="Sequence">The source record's sequence number (ADRS.ASEQ or RS.RSSEQ) for SRCSEQ, null when unknown.</param>
public readonly record struct TumorAssessment(DateOnly Date, OverallResponse Response, int? Sequence = null)
{
    /// <summary>
    /// Adequate (evaluable): the response is CR, PR, SD, NON-CR/NON-PD or PD, not NE or ND. admiralonco's LSTA also
    /// counts NE; FDA's "last adequate assessment" does not.
    /// </summary>
    public bool IsAdequate => Response is not (OverallResponse.NotEvaluable or OverallResponse.NotDone);
}

/// <summary>
/// What the time-to-event derivations need about one subject. Dates after <see cref="DataCutoffDate"/> are ignored by
/// every derivation; without a cutoff every date is used. Immutable: the assessments are copied and sorted by date.
/// </summary>
public sealed record EndpointSubject
{
    /// <summary>Creates a subject analysed at a data cutoff; see the properties for each argument.</summary>
    /// <exception cref="ArgumentException">An empty subject id, or a data cutoff before the start date.</exception>
    public EndpointSubject(string subjectId, DateOnly startDate, IEnumerable<TumorAssessment> assessments, DateOnly dataCutoffDate)
        : this(subjectId, startDate, assessments)
    {
        if (dataCutoffDate < startDate)
        {
            throw new ArgumentException(
                $"dataCutoffDate: expected a date on or after the start date {startDate:yyyy-MM-dd} of subject {subjectId}, found {dataCutoffDate:yyyy-MM-dd}. Check the cutoff and the subject's start date.",
                nameof(dataCutoffDate));
        }

        DataCutoffDate = dataCutoffDate;
    }

    /// <summary>Creates a subject analysed on all its data (no data cutoff); see the properties for each argument.</summary>
    /// <exception cref="ArgumentException">An empty subject id.</exception>
    public EndpointSubject(string subjectId, DateOnly startDate, IEnumerable<TumorAssessment> assessments)
    {
        ArgumentNullException.ThrowIfNull(assessments);
        if (string.IsNullOrWhiteSpace(subjectId))
        {
            throw new ArgumentException("subjectId: expected a USUBJID, found an empty value. Give every subject its USUBJID.", nameof(subjectId));
        }

        SubjectId = subjectId;
        StartDate = startDate;
        Assessments = new ReadOnlyCollection<TumorAssessment>([.. assessments.OrderBy(a => a.Date)]);
    }

    /// <summary>USUBJID.</summary>
    public string SubjectId { get; }

    /// <summary>
    /// Day 1 of PFS, OS and time to response: the ADSL date named by <see cref="EndpointOptions.StartDateSource"/>
    /// (first dose, TRTSDT, by default; or randomisation or enrolment).
    /// </summary>
    public DateOnly StartDate { get; }

    /// <summary>Post-baseline tumour assessments (one per date, worst response; assessments on or before <see cref="StartDate"/> are ignored as baseline).</summary>
    public IReadOnlyList<TumorAssessment> Assessments { get; }

    /// <summary>
    /// Data cutoff: events, assessments and therapy after it are ignored. Null when the study has none: every date is used
    /// and OS of a subject not known to have died is censored at the last known alive date.
    /// </summary>
    public DateOnly? DataCutoffDate { get; }

    /// <summary>True when <paramref name="date"/> is on or before the data cutoff (always, without a cutoff).</summary>
    internal bool IsOnOrBeforeCutoff(DateOnly date) => DataCutoffDate is not { } cutoff || date <= cutoff;

    /// <summary>Date of death (ADSL.DTHDT), null when not known to have died.</summary>
    public DateOnly? DeathDate { get; init; }

    /// <summary>Last date known alive (ADSL.LSTALVDT), null when unknown.</summary>
    public DateOnly? LastKnownAliveDate { get; init; }

    /// <summary>Start of the first new anticancer therapy (e.g. ADSL.NACTDT), null when none.</summary>
    public DateOnly? NewAnticancerTherapyDate { get; init; }

    /// <summary>Date of the first CR/PR (from the best-overall-response engine), null for non-responders.</summary>
    public DateOnly? FirstResponseDate { get; init; }

    /// <summary>True when that response was confirmed (admiralonco CRSP); DoR and time to response use confirmed responders by default.</summary>
    public bool IsResponseConfirmed { get; init; }
}
