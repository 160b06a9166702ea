namespace OncoTrial.Clinical.Recist;

/// <summary>One time-point (overall) response on a date: the input of <see cref="RecistDerivation.DeriveBestOverallResponse"/>.</summary>
/// <param name="Date">Assessment date.</param>
/// <param name="Response">The overall response (any of the seven codes, ND included).</param>
public readonly record struct DatedResponse(DateOnly Date, OverallResponse Response);

/// <summary>The time-point responses of one subject with the dates that bound them.</summary>
/// <param name="Subject">Subject identifier.</param>
/// <param name="ReferenceDate">Day 0 of the SD window (first dose, or randomisation); admiralonco <c>reference_date</c>.</param>
/// <param name="Responses">The time-point responses, in any order.</param>
/// <param name="NewAnticancerTherapyStart">Start of new anticancer therapy; assessments on or after it are left out.</param>
/// <param name="ProgressionDate">A first-PD date from another source (admiralonco <c>source_pd</c>); the first PD
/// response is used when this is null or later.</param>
public sealed record SubjectResponses(
    string Subject,
    DateOnly ReferenceDate,
    IReadOnlyList<DatedResponse> Responses,
    DateOnly? NewAnticancerTherapyStart = null,
    DateOnly? ProgressionDate = null);

/// <summary>Best overall response of one subject, unconfirmed and confirmed, with the dates they are attributed to.</summary>
/// <param name="Subject">Subject identifier.</param>
/// <param name="Bor">Unconfirmed BOR (admiralonco BOR); null is MISSING (no assessment left after the cuts).</param>
/// <param name="BorDate">Date of the first assessment that gives <paramref name="Bor"/>.</param>
/// <param name="ConfirmedBor">Confirmed BOR (admiralonco CBOR); null is MISSING.</param>
/// <param name="ConfirmedBorDate">Date of the first qualifying assessment (for a confirmed CR/PR the response date, not the confirmation date).</param>
/// <param name="ConfirmedResponseDate">Date of the earliest confirmed CR or PR (admiralonco CRSP = Y); null when none (CRSP = N).</param>
/// <param name="FirstResponseDate">Date of the first CR or PR, confirmed or not (admiralonco RSP = Y); null when none.</param>
/// <param name="LastResponseDate">For a confirmed responder: the last CR or PR assessment from the confirmed response on (before the cuts); else null.</param>
/// <param name="CutDate">The first PD date that cut the data, if any.</param>
/// <param name="Warnings">Data issues: several records on one date, CR followed by PR/SD, ND records.</param>
/// <param name="Options">The options that produced this result.</param>
public sealed record BestOverallResponse(
    string Subject,
    OverallResponse? Bor,
    DateOnly? BorDate,
    OverallResponse? ConfirmedBor,
    DateOnly? ConfirmedBorDate,
    DateOnly? ConfirmedResponseDate,
    DateOnly? FirstResponseDate,
    DateOnly? LastResponseDate,
    DateOnly? CutDate,
    IReadOnlyList<string> Warnings,
    RecistOptions Options)
{
    /// <summary>The code of a best response: the AVALC value, "MISSING" for null.</summary>
    public static string Code(OverallResponse? response) => response?.ToCode() ?? "MISSING";

    /// <summary>True when a CR or PR was confirmed (admiralonco CRSP = "Y").</summary>
    public bool IsConfirmedResponse => ConfirmedResponseDate is not null;
}
