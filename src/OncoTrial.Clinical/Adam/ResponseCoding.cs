using OncoTrial.Clinical.Recist;

namespace OncoTrial.Clinical.Adam;

/// <summary>The numeric codings of ADRS <c>AVAL</c>.</summary>
public static class ResponseCoding
{
    /// <summary>The <c>AVALC</c> of a missing best response, as admiralonco.</summary>
    public const string Missing = "MISSING";

    /// <summary>
    /// AVAL for a response AVALC, as admiralonco's <c>aval_resp()</c>: CR = 1, PR = 2, SD = 3, NON-CR/NON-PD = 4, PD = 5,
    /// NE = 6, MISSING = 7; anything else (ND) is null.
    /// </summary>
    public static double? ToAval(string? avalc) => avalc switch
    {
        "CR" => 1,
        "PR" => 2,
        "SD" => 3,
        "NON-CR/NON-PD" => 4,
        "PD" => 5,
        "NE" => 6,
        Missing => 7,
        _ => null,
    };

    /// <summary>AVAL for a response, or for MISSING when <paramref name="response"/> is null (see <see cref="ToAval(string?)"/>).</summary>
    public static double? ToAval(OverallResponse? response) => ToAval(ToAvalc(response));

    /// <summary>AVALC for a response: its RECIST code, or MISSING when null.</summary>
    public static string ToAvalc(OverallResponse? response) => response?.ToCode() ?? Missing;

    /// <summary>AVAL of a Y/N responder flag, as admiral's <c>yn_to_numeric()</c>: Y = 1, N = 0.</summary>
    public static double YesNoToAval(bool yes) => yes ? 1 : 0;

    /// <summary>
    /// Rank of a response on one date for choosing the analysis record (ANL01FL), as the admiralonco template's
    /// <c>worst_resp()</c>: ND = 0, NE = 1, CR = 2, PR = 3, SD = 4, NON-CR/NON-PD = 5, PD = 6; the highest rank is kept.
    /// </summary>
    public static int WorstRank(OverallResponse response) => response switch
    {
        OverallResponse.NotDone => 0,
        OverallResponse.NotEvaluable => 1,
        OverallResponse.CompleteResponse => 2,
        OverallResponse.PartialResponse => 3,
        OverallResponse.StableDisease => 4,
        OverallResponse.NonCRNonPD => 5,
        OverallResponse.ProgressiveDisease => 6,
        _ => throw new ArgumentOutOfRangeException(nameof(response), response, "response: expected an OverallResponse member."),
    };
}
