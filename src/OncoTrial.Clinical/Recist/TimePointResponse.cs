namespace OncoTrial.Clinical.Recist;

/// <summary>The kind of progression at a PD time point, by the number of progressing sites (organs).</summary>
public enum ProgressionPattern
{
    /// <summary>Oligo-progression: 1 or 2 progressing sites.</summary>
    Oligoprogression,

    /// <summary>Systemic progression: 3 or more progressing sites.</summary>
    Systemic,
}

/// <summary>The RECIST 1.1 response of one subject at one follow-up assessment, derived from its lesions.</summary>
/// <param name="Subject">Subject identifier.</param>
/// <param name="Date">Assessment date.</param>
/// <param name="BaselineDate">Date of the baseline assessment (the latest baseline lesion date).</param>
/// <param name="SumOfDiametersMm">Sum of the target sizes that were assessed (LD; short axis for nodes; 5 mm too small; 0 absent); null without target lesions.</param>
/// <param name="IsSumComplete">True when every baseline target lesion was assessed, so the sum is complete.</param>
/// <param name="BaselineSumMm">Baseline sum of diameters; null without target lesions.</param>
/// <param name="NadirMm">Smallest complete sum before this assessment, baseline included (the PD reference).</param>
/// <param name="PercentChangeFromBaseline">100 × (sum − baseline) / baseline, unrounded; null without targets.</param>
/// <param name="PercentChangeFromNadir">100 × (sum − nadir) / nadir, unrounded; null without targets or when the nadir is 0.</param>
/// <param name="TargetResponse">CR, PR, SD, PD or NE; null when the subject has no target lesions.</param>
/// <param name="NonTargetResponse">CR, NON-CR/NON-PD, PD or NE; null when the subject has no non-target lesions.</param>
/// <param name="HasNewLesion">True when an unequivocal new lesion was seen at this assessment.</param>
/// <param name="Overall">The overall response (RECIST Table 1, or Table 2 for non-target disease only).</param>
/// <param name="ProgressingSites">At PD: the organs with target progression, unequivocal non-target progression or a new lesion; otherwise empty.</param>
/// <param name="Rule">Which rule decided <paramref name="Overall"/>, in words.</param>
public sealed record TimePointResponse(
    string Subject,
    DateOnly Date,
    DateOnly BaselineDate,
    double? SumOfDiametersMm,
    bool IsSumComplete,
    double? BaselineSumMm,
    double? NadirMm,
    double? PercentChangeFromBaseline,
    double? PercentChangeFromNadir,
    OverallResponse? TargetResponse,
    OverallResponse? NonTargetResponse,
    bool HasNewLesion,
    OverallResponse Overall,
    IReadOnlyList<string> ProgressingSites,
    string Rule)
{
    /// <summary>What was imputed in <see cref="Date"/> (ADTF): the largest flag of the time point's lesion records; null when complete.</summary>
    public DateImputationLevel? DateFlag { get; init; }

    /// <summary>What was imputed in <see cref="BaselineDate"/>; null when complete.</summary>
    public DateImputationLevel? BaselineDateFlag { get; init; }

    /// <summary>The number of progressing sites at PD; null when the time point is not PD.</summary>
    public int? ProgressingSiteCount => Overall == OverallResponse.ProgressiveDisease ? ProgressingSites.Count : null;

    /// <summary>Oligo-progression (1–2 sites) or systemic (≥ 3) at PD; null otherwise or when no site could be named.</summary>
    public ProgressionPattern? Pattern => ProgressingSiteCount switch
    {
        null or 0 => null,
        <= 2 => ProgressionPattern.Oligoprogression,
        _ => ProgressionPattern.Systemic,
    };
}
