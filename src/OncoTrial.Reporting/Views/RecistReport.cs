using OncoTrial.Clinical.Recist;
using OncoTrial.Reporting.Contracts;
using OncoTrial.Statistics;

namespace OncoTrial.Reporting.Views;

/// <summary>A <see cref="RecistRun"/> as a document and as its JSON contract.</summary>
public static class RecistReport
{
    private static readonly ResponseBasis[] Bases = [ResponseBasis.Confirmed, ResponseBasis.Unconfirmed];

    /// <summary>The JSON contract.</summary>
    public static RecistJson ToJson(RecistRun run)
    {
        ArgumentNullException.ThrowIfNull(run);
        var o = run.Options;
        var derived = run.TimePoints.ToLookup(t => t.Subject, StringComparer.Ordinal);
        var input = run.Subjects.ToDictionary(s => s.Subject, StringComparer.Ordinal);
        var subjects = run.BestResponses.Select(r =>
        {
            input.TryGetValue(r.Subject, out var s);
            var fromLesions = derived[r.Subject].ToList();
            IReadOnlyList<TimePointJson> points = fromLesions.Count > 0
                ? [.. fromLesions.Select(t => new TimePointJson(
                    t.Date, Round(t.SumOfDiametersMm), t.IsSumComplete, Round(t.PercentChangeFromBaseline), Round(t.PercentChangeFromNadir),
                    t.TargetResponse?.ToCode(), t.NonTargetResponse?.ToCode(), t.HasNewLesion, t.Overall.ToCode(), t.Rule))]
                : s is null ? [] : [.. s.Responses.OrderBy(t => t.Date).Select(t => new TimePointJson(t.Date, null, null, null, null, null, null, null, t.Response.ToCode(), null))];
            return new RecistSubjectJson(r.Subject, s?.ReferenceDate, points, BestOverallResponse.Code(r.Bor), r.BorDate, BestOverallResponse.Code(r.ConfirmedBor), r.ConfirmedBorDate, r.IsConfirmedResponse, r.Warnings);
        }).ToList();
        var rates = Bases.Select(b => run.Rates(b)).Select(summary => new ResponseRatesJson(
            summary.Basis, summary.Method, summary.ConfidenceLevel.Value, Set(summary.AnalysisSet), Set(summary.Evaluable))).ToList();
        return new RecistJson(
            new RecistOptionsJson(o.ConfirmationMinDays, o.ConfirmationWindowDays, o.SdMinDays, o.MaxNotEvaluableBetween, o.AcceptSd, o.MissingAsNotEvaluable, o.NotDoneAsNotEvaluable, o.CrThenPr, o.StickyConfirmedPartialResponse),
            [.. run.Problems.Select(p => p.ToString())],
            subjects,
            rates);
    }

    /// <summary>The text report: the options, each subject's BOR and time points, then ORR and DCR on both bases.</summary>
    public static Document ToDocument(RecistRun run)
    {
        ArgumentNullException.ThrowIfNull(run);
        var doc = new DocumentBuilder("RECIST 1.1 best overall response");
        doc.Paragraph(run.Options.Describe());
        foreach (var w in run.Problems)
        {
            doc.Paragraph("warning: " + w);
        }

        var bySubject = run.TimePoints.ToLookup(t => t.Subject, StringComparer.Ordinal);
        foreach (var r in run.BestResponses)
        {
            doc.Paragraph($"{r.Subject}: BOR {BestOverallResponse.Code(r.Bor)} {Formats.Date(r.BorDate)}, confirmed BOR {BestOverallResponse.Code(r.ConfirmedBor)} {Formats.Date(r.ConfirmedBorDate)}, confirmed response {(r.IsConfirmedResponse ? "yes" : "no")}");
            foreach (var t in bySubject[r.Subject])
            {
                string sum = t.SumOfDiametersMm is { } mm ? Formats.Number(mm, "0.##") + " mm" + (t.IsSumComplete ? string.Empty : " (incomplete)") : "-";
                doc.Paragraph($"{Formats.Date(t.Date)} sum {sum}, {Percent(t.PercentChangeFromBaseline)} from baseline, {Percent(t.PercentChangeFromNadir)} from nadir; target {t.TargetResponse?.ToCode() ?? "-"}, non-target {t.NonTargetResponse?.ToCode() ?? "-"}, new lesion {(t.HasNewLesion ? "yes" : "no")}: {t.Overall.ToCode()} ({t.Rule})", 1);
            }
        }

        foreach (var basis in Bases)
        {
            var s = run.Rates(basis);
            string name = basis == ResponseBasis.Confirmed ? "Confirmed" : "Unconfirmed";
            doc.Paragraph(
                $"{name} BOR: ORR {Rate(s.AnalysisSet.Responders, s.AnalysisSet.ObjectiveResponseRate)}, DCR {Rate(s.AnalysisSet.DiseaseControlled, s.AnalysisSet.DiseaseControlRate)} of {Formats.WholeNumber(s.AnalysisSet.N)}; " +
                $"evaluable ({Formats.WholeNumber(s.Evaluable.N)}) ORR {Rate(s.Evaluable.Responders, s.Evaluable.ObjectiveResponseRate)}, DCR {Rate(s.Evaluable.DiseaseControlled, s.Evaluable.DiseaseControlRate)} " +
                Formats.Invariant($"({s.ConfidenceLevel.Value * 100:0.###}% CI, {Vocabulary.Token(s.Method)})"));
        }

        return doc.Build();
    }

    private static RateSetJson Set(ResponseRate r) => new(r.N, Count(r.Responders, r.ObjectiveResponseRate), Count(r.DiseaseControlled, r.DiseaseControlRate));

    private static ProportionCountJson Count(int count, ProportionEstimate? p) => new(count, p?.Estimate, p?.Lower, p?.Upper);

    private static double? Round(double? value) => value is { } v ? Math.Round(v, 4) : null;

    private static string Percent(double? value) => value is { } v ? new CellFormat(CellFormatKind.Number, "+0.0;-0.0;0.0").Render(v) + "%" : "-";

    private static string Rate(int count, ProportionEstimate? p) =>
        p is null ? Formats.Invariant($"{count} (NE)") : Formats.Invariant($"{count} ({p.Estimate * 100:0.0}%, {p.Lower * 100:0.0}-{p.Upper * 100:0.0})");
}
