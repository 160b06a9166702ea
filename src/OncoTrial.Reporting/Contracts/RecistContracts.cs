using OncoTrial.Clinical.Recist;
using OncoTrial.Statistics;

namespace OncoTrial.Reporting.Contracts;

/// <summary><c>oncotrial recist --format json</c>: time points, BOR per subject, and ORR/DCR.</summary>
public sealed record RecistJson(RecistOptionsJson Options, IReadOnlyList<string> InputWarnings, IReadOnlyList<RecistSubjectJson> Subjects, IReadOnlyList<ResponseRatesJson> ResponseRates);

/// <summary>The RECIST options used.</summary>
public sealed record RecistOptionsJson(
    int ConfirmDays, int ConfirmWindowDays, int SdMinDays, int MaxNe, bool AcceptSd, bool MissingAsNe, bool NdAsNe, CrThenPrPolicy CrThenPr, bool StickyConfirmedPr);

/// <summary>One subject: reference date, time points, BOR and confirmed BOR.</summary>
public sealed record RecistSubjectJson(
    string Subject, DateOnly? RefDate, IReadOnlyList<TimePointJson> TimePoints, string Bor, DateOnly? BorDate, string Cbor, DateOnly? CborDate, bool ConfirmedResponse, IReadOnlyList<string> Warnings);

/// <summary>One time point; the lesion fields are null when the responses were given rather than derived. Numbers rounded to 4 decimals.</summary>
public sealed record TimePointJson(
    DateOnly Date, double? SumMm, bool? SumComplete, double? PctFromBaseline, double? PctFromNadir, string? Target, string? NonTarget, bool? NewLesion, string Overall, string? Rule);

/// <summary>ORR and DCR on one basis.</summary>
public sealed record ResponseRatesJson(ResponseBasis Basis, BinomialCiMethod Method, double ConfLevel, RateSetJson All, RateSetJson Evaluable);

/// <summary>ORR and DCR over one set of subjects.</summary>
public sealed record RateSetJson(int N, ProportionCountJson Orr, ProportionCountJson Dcr);

/// <summary>A count with its proportion and interval; null when the set is empty.</summary>
public sealed record ProportionCountJson(int Count, double? Estimate, double? Lower, double? Upper);
