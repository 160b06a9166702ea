namespace OncoTrial.Clinical.Recist;

/// <summary>
/// A RECIST 1.1 time-point (overall) response, or a best overall response. The codes are the SDTM RS / ADaM ADRS
/// AVALC values (CR, PR, SD, NON-CR/NON-PD, PD, NE, ND); see <see cref="OverallResponseCodes"/>.
/// </summary>
public enum OverallResponse
{
    /// <summary>CR: disappearance of all target and non-target lesions, nodes &lt; 10 mm short axis.</summary>
    CompleteResponse,

    /// <summary>PR: at least a 30% decrease of the sum of diameters from baseline.</summary>
    PartialResponse,

    /// <summary>SD: neither PR nor PD.</summary>
    StableDisease,

    /// <summary>NON-CR/NON-PD: non-target disease only, neither CR nor PD (RECIST Table 2).</summary>
    NonCRNonPD,

    /// <summary>PD: progression (target, unequivocal non-target, or a new lesion).</summary>
    ProgressiveDisease,

    /// <summary>NE: not evaluable (e.g. a target lesion not assessed).</summary>
    NotEvaluable,

    /// <summary>ND: not done (no assessment at the time point).</summary>
    NotDone,
}

/// <summary>The SDTM/ADaM codes of <see cref="OverallResponse"/>.</summary>
public static class OverallResponseCodes
{
    /// <summary>The code, e.g. "CR", "NON-CR/NON-PD".</summary>
    public static string ToCode(this OverallResponse response) => response switch
    {
        OverallResponse.CompleteResponse => "CR",
        OverallResponse.PartialResponse => "PR",
        OverallResponse.StableDisease => "SD",
        OverallResponse.NonCRNonPD => "NON-CR/NON-PD",
        OverallResponse.ProgressiveDisease => "PD",
        OverallResponse.NotEvaluable => "NE",
        OverallResponse.NotDone => "ND",
        _ => throw new ArgumentOutOfRangeException(nameof(response), response, "response: expected an OverallResponse member."),
    };

    /// <summary>Parses a code (case-insensitive, surrounding blanks ignored); false when it is not one of the seven.</summary>
    public static bool TryParse(string? code, out OverallResponse response)
    {
        switch (code?.Trim().ToUpperInvariant())
        {
            case "CR": response = OverallResponse.CompleteResponse; return true;
            case "PR": response = OverallResponse.PartialResponse; return true;
            case "SD": response = OverallResponse.StableDisease; return true;
            case "NON-CR/NON-PD": response = OverallResponse.NonCRNonPD; return true;
            case "PD": response = OverallResponse.ProgressiveDisease; return true;
            case "NE": response = OverallResponse.NotEvaluable; return true;
            case "ND": response = OverallResponse.NotDone; return true;
            default: response = default; return false;
        }
    }
}
