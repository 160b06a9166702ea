using OncoTrial.Clinical.Recist;

namespace OncoTrial.Clinical.Adam;

/// <summary>One time-point overall response as recorded or derived, before the ADRS analysis flags.</summary>
/// <param name="Subject">USUBJID.</param>
/// <param name="Date">Assessment date (ADT).</param>
/// <param name="Response">Overall response at the time point.</param>
/// <param name="Visit">Visit name (AVISIT), null when unknown.</param>
public sealed record AdrsAssessment(string Subject, DateOnly Date, OverallResponse Response, string? Visit = null)
{
    /// <summary>What was imputed in <see cref="Date"/> (ADTF); null when the date was collected complete.</summary>
    public DateImputationLevel? DateFlag { get; init; }

    /// <summary>The assessments of RECIST time-point responses (no visit names), with their date imputation flags.</summary>
    public static IReadOnlyList<AdrsAssessment> FromTimePoints(IEnumerable<TimePointResponse> timePoints)
    {
        ArgumentNullException.ThrowIfNull(timePoints);
        return [.. timePoints.Select(t => new AdrsAssessment(t.Subject, t.Date, t.Overall) { DateFlag = t.DateFlag })];
    }
}

/// <summary>An ADRS OVR record with its sequence number, study day and analysis flags.</summary>
/// <param name="Subject">USUBJID.</param>
/// <param name="Sequence">ASEQ within the subject (OVR records come first, by date).</param>
/// <param name="Date">ADT.</param>
/// <param name="StudyDay">ADY from the reference date (<see cref="StudyDays.Compute"/>).</param>
/// <param name="Response">AVALC.</param>
/// <param name="Visit">AVISIT, or null.</param>
/// <param name="IsAnalysisRecord">ANL01FL: the one record kept for the date (worst response), on or after the reference date and before new anticancer therapy.</param>
/// <param name="IsUpToFirstProgression">ANL02FL: an analysis record up to and including the first PD.</param>
public sealed record AdrsOverallRecord(
    string Subject,
    int Sequence,
    DateOnly Date,
    int StudyDay,
    OverallResponse Response,
    string? Visit,
    bool IsAnalysisRecord,
    bool IsUpToFirstProgression)
{
    /// <summary>ADTF: what was imputed in <see cref="Date"/>; null when complete.</summary>
    public DateImputationLevel? DateFlag { get; init; }
}
