using OncoTrial.Clinical.Endpoints;
using OncoTrial.Clinical.Recist;

namespace OncoTrial.Clinical.Tests.Endpoints;

/// <summary>Hand-worked subjects: start date 2024-01-01 is study day 1, so day N is Start.AddDays(N - 1) and AVAL = N.</summary>
internal static class EndpointCases
{
    public static readonly DateOnly Start = new(2024, 1, 1);

    public const int Cutoff = 400;

    public static DateOnly Day(int day) => Start.AddDays(day - 1);

    /// <summary>An assessment on study day <paramref name="day"/> with sequence number = its position (1-based) in the call.</summary>
    public static TumorAssessment At(int day, OverallResponse response, int? sequence = null) => new(Day(day), response, sequence);

    public static EndpointSubject Subject(params TumorAssessment[] assessments) => Subject("S-1", Cutoff, assessments);

    public static EndpointSubject Subject(string id, int cutoffDay, params TumorAssessment[] assessments) =>
        new(id, Start, assessments, Day(cutoffDay));

    public const OverallResponse CR = OverallResponse.CompleteResponse;
    public const OverallResponse PR = OverallResponse.PartialResponse;
    public const OverallResponse SD = OverallResponse.StableDisease;
    public const OverallResponse PD = OverallResponse.ProgressiveDisease;
    public const OverallResponse NE = OverallResponse.NotEvaluable;
    public const OverallResponse ND = OverallResponse.NotDone;

    public static readonly EndpointOptions Ema = new() { Convention = CensoringConvention.Ema };
}
