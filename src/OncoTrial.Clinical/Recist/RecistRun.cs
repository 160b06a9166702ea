using OncoTrial.Statistics;

namespace OncoTrial.Clinical.Recist;

/// <summary>
/// A RECIST 1.1 run: the time-point responses (derived from lesions, or as given), the best overall responses,
/// the options and the warnings met. ORR and DCR come from <see cref="Rates"/>.
/// </summary>
/// <param name="Subjects">Each subject's reference date and time-point responses (the BOR input).</param>
/// <param name="TimePoints">The time points derived from lesion measurements; empty when responses were given.</param>
/// <param name="BestResponses">BOR and confirmed BOR per subject, in subject order.</param>
/// <param name="Options">The options used.</param>
/// <param name="Problems">Warnings met on the way (imputed dates, repeated records); never errors.</param>
public sealed record RecistRun(
    IReadOnlyList<SubjectResponses> Subjects,
    IReadOnlyList<TimePointResponse> TimePoints,
    IReadOnlyList<BestOverallResponse> BestResponses,
    RecistOptions Options,
    IReadOnlyList<Problem> Problems)
{
    /// <summary>ORR and DCR on the given basis with exact (Clopper-Pearson) intervals; 95% when <paramref name="level"/> is null.</summary>
    public ResponseRateSummary Rates(ResponseBasis basis, ConfidenceLevel? level = null) =>
        ResponseSummaries.ComputeResponseRates(BestResponses, basis: basis, level: level);

    /// <summary>Derives time points from lesions, then BOR.</summary>
    /// <exception cref="ProblemException">The lesion input has errors.</exception>
    public static RecistRun FromLesions(LesionInput input, RecistOptions options)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(options);
        ProblemException.ThrowIfAnyError(input.Problems);
        var timePoints = RecistDerivation.DeriveTimePointResponses(input.Lesions, options);
        var subjects = RecistDerivation.ToSubjectResponses(timePoints, input.ReferenceDates);
        return new RecistRun(subjects, timePoints, RecistDerivation.DeriveBestOverallResponse(subjects, options), options, input.Problems);
    }

    /// <summary>BOR from given time-point responses.</summary>
    /// <exception cref="ProblemException">The time-point input has errors.</exception>
    public static RecistRun FromTimePoints(TimePointInput input, RecistOptions options)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(options);
        ProblemException.ThrowIfAnyError(input.Problems);
        return new RecistRun(input.Subjects, [], RecistDerivation.DeriveBestOverallResponse(input.Subjects, options), options, input.Problems);
    }
}
