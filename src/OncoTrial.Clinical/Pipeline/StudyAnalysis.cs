using OncoTrial.Clinical.Adam;
using OncoTrial.Clinical.Analyses;
using OncoTrial.Clinical.Data;
using OncoTrial.Clinical.Disposition;
using OncoTrial.Clinical.Endpoints;
using OncoTrial.Clinical.Exposure;
using OncoTrial.Clinical.Recist;
using OncoTrial.Clinical.Safety;
using OncoTrial.Clinical.Study;
using OncoTrial.Statistics;

namespace OncoTrial.Clinical.Pipeline;

/// <summary>Where the time-point responses of the efficacy datasets come from.</summary>
public enum ResponseSource
{
    /// <summary>
    /// OncoTrial's RECIST 1.1 derivation from the lesion measurements (TU/TR); also gives ADTR. The default. A study
    /// with neither TU nor TR but with RS uses the recorded responses instead, and a note says so (ADAM_RESPONSES_FROM_RS).
    /// </summary>
    Lesions,

    /// <summary>The investigator's responses as recorded in RS (OVRLRESP); no ADTR.</summary>
    Rs,
}

/// <summary>
/// Every choice of a study analysis, each part's options with its own defaults (docs/decisions/): RECIST 1.1 and
/// admiralonco (0002), FDA censoring (0003), RDI on cycle day 1 (0004), CTCAE v5.0 (0005), TEAE window last dose + 30 days.
/// </summary>
public sealed record StudyAnalysisOptions
{
    /// <summary>The defaults.</summary>
    public static StudyAnalysisOptions Default { get; } = new();

    /// <summary>Where the time-point responses come from.</summary>
    public ResponseSource Responses { get; init; } = ResponseSource.Lesions;

    /// <summary>TR/TU/RS records of this evaluator (TREVAL, TUEVAL, RSEVAL) are used; null uses every record.</summary>
    public string? Evaluator { get; init; } = LesionReader.DefaultEvaluator;

    /// <summary>RECIST confirmation and BOR options.</summary>
    public RecistOptions Recist { get; init; } = RecistOptions.Default;

    /// <summary>The day a partial RSDTC or TRDTC is imputed to (ADTF says what was imputed); last by default (docs/decisions/0010-assessment-date-imputation.md).</summary>
    public DateImputation DateImputation { get; init; } = DateImputation.Last;

    /// <summary>Censoring conventions and CNSR coding of OS, PFS, DoR and time to response.</summary>
    public EndpointOptions Endpoints { get; init; } = EndpointOptions.Default;

    /// <summary>Treatment emergence, causality and AE table options.</summary>
    public SafetyOptions Safety { get; init; } = SafetyOptions.Default;

    /// <summary>Exposure and relative dose intensity options.</summary>
    public ExposureOptions Exposure { get; init; } = ExposureOptions.Default;

    /// <summary>Analysis-set options of the disposition summary.</summary>
    public DispositionOptions Disposition { get; init; } = DispositionOptions.Default;

    /// <summary>Options of the paper's analyses (<see cref="StudyAnalysis.Results"/>); the paper's SAS conventions by default (docs/decisions/0012-paper-analyses.md).</summary>
    public TrialResultsOptions Results { get; init; } = TrialResultsOptions.Default;
}

/// <summary>The datasets of a study (ADRS, ADTR, ADTTE, then the safety side's) and every problem met deriving them.</summary>
/// <param name="Datasets">The efficacy datasets (ADRS, ADTR, ADTTE) then the safety ones (<see cref="SafetyDatasetsResult.Datasets"/>); empty when errors blocked them.</param>
/// <param name="Problems">Errors (then only the errors, and no datasets), or warnings (imputations, exclusions) and notes (choices made for the user), in the order met.</param>
/// <param name="Efficacy">The efficacy derivation, or null when its input had errors or the study has no tumour response data (TU/TR or RS).</param>
/// <param name="Safety">The safety derivation, or null when the study is unusable.</param>
public sealed record StudyDatasets(IReadOnlyList<Dataset> Datasets, IReadOnlyList<Problem> Problems, StudyDerivationResult? Efficacy, SafetyDatasetsResult? Safety)
{
    /// <summary>Whether any problem is an error (then there are no datasets).</summary>
    public bool HasErrors => Problems.Any(p => p.Severity == ProblemSeverity.Error);
}

/// <summary>The safety and compliance summaries of a study: disposition, exposure and the adverse-event summary.</summary>
/// <param name="Disposition">Every box of the CONSORT diagram.</param>
/// <param name="Exposure">Cycles, RDI and duration per drug and phase.</param>
/// <param name="AdverseEvents">The treatment-emergent AE summary (Table 3).</param>
/// <param name="Problems">Warnings met (records used with an assumption or left out) and notes on how the study was read, from disposition, exposure and the AE records.</param>
public sealed record StudySafety(DispositionSummary Disposition, ExposureSummary Exposure, AeSummary AdverseEvents, IReadOnlyList<Problem> Problems);

/// <summary>
/// The study pipeline that every front end runs (derive, recist, safety, and later reproduce, report and a server):
/// validate → RECIST → endpoints → exposure → CTCAE/safety → disposition, on one loaded study with one set of
/// options. Each part is computed once, on first use, and kept; the object is immutable from the outside and safe to
/// share between threads.
/// </summary>
public sealed class StudyAnalysis
{
    private readonly Lazy<ValidationReport> _validation;
    private readonly Lazy<LesionInput?> _lesions;
    private readonly Lazy<StudyDatasets> _datasets;
    private readonly Lazy<StudySafety> _safety;
    private readonly Lazy<TrialResults> _results;

    private StudyAnalysis(StudyFolder study, StudyAnalysisOptions options)
    {
        Study = study;
        Options = options;
        _validation = new(() => StudyValidator.Validate(study));
        _lesions = new(() => study.IsUsable && ChooseResponses(study, options.Responses) == ResponseSource.Lesions ? LesionReader.ReadStudy(study, options.Evaluator, options.DateImputation) : null);
        _datasets = new(DeriveDatasets);
        _safety = new(DeriveSafety);
        _results = new(() => TrialResults.Create(this, options.Results));
    }

    /// <summary>The study analysed.</summary>
    public StudyFolder Study { get; }

    /// <summary>The options used by every part.</summary>
    public StudyAnalysisOptions Options { get; }

    /// <summary>The study's validation: reading problems and every rule.</summary>
    public ValidationReport Validation => _validation.Value;

    /// <summary>The lesion measurements (TU, TR, DM), or null when responses come from RS (chosen, or a study without TU and TR) or the study is unusable.</summary>
    public LesionInput? Lesions => _lesions.Value;

    /// <summary>
    /// The efficacy datasets (ADRS, ADTR, ADTTE) and the safety datasets, as <c>oncotrial derive</c> writes them. Each side
    /// reads only the domains it needs, and only their problems can block it: efficacy needs DM and TU/TR or RS (no EX,
    /// AE, DS, SC or TS); a study without tumour response data gets no efficacy datasets (a note says so).
    /// </summary>
    public StudyDatasets Datasets => _datasets.Value;

    /// <summary>Disposition, exposure and adverse events.</summary>
    /// <exception cref="ProblemException">The study is unusable (no DM).</exception>
    public StudySafety Safety => _safety.Value;

    /// <summary>
    /// The paper's analyses (Tables 1 and 2, efficacy, subgroups, response details, subsequent therapy, safety highlights)
    /// from this analysis's datasets and summaries, with <see cref="StudyAnalysisOptions.Results"/>. Each of its parts is
    /// computed on first use.
    /// </summary>
    public TrialResults Results => _results.Value;

    /// <summary>Starts an analysis of a loaded study.</summary>
    public static StudyAnalysis Create(StudyFolder study, StudyAnalysisOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(study);
        return new StudyAnalysis(study, options ?? StudyAnalysisOptions.Default);
    }

    /// <summary>Loads the study from a source of named files and starts its analysis.</summary>
    public static StudyAnalysis Create(FileSource source, StudyAnalysisOptions? options = null) => Create(StudyFolder.Load(source), options);

    /// <summary>
    /// The RECIST 1.1 run from the study's lesions: errors in reading DM, TU or TR (or in the lesion records) are
    /// thrown, warnings are kept on the run.
    /// </summary>
    /// <exception cref="ProblemException">The lesion input cannot be used.</exception>
    public RecistRun DeriveRecist()
    {
        ProblemException.ThrowIfAnyError(LoadProblems.Of(Study, ["TU", "TR", "DM"]));
        return RecistRun.FromLesions(LesionReader.ReadStudy(Study, Options.Evaluator, Options.DateImputation), Options.Recist);
    }

    /// <summary>The response source used: the chosen one, RS for lesions without TU and TR, or null without any response data.</summary>
    private static ResponseSource? ChooseResponses(StudyFolder study, ResponseSource chosen)
    {
        bool hasLesions = study.Domain("TU") is not null || study.Domain("TR") is not null;
        bool hasRs = study.Domain("RS") is not null;
        return chosen switch
        {
            ResponseSource.Lesions when hasLesions => ResponseSource.Lesions,
            ResponseSource.Lesions or ResponseSource.Rs when hasRs => ResponseSource.Rs,
            _ => hasLesions ? ResponseSource.Lesions : null,
        };
    }

    private StudyDatasets DeriveDatasets()
    {
        var problems = new List<Problem>();
        var efficacy = Study.IsUsable ? DeriveEfficacy(problems) : StudyDerivation.Run(Study, DerivationOptions());
        if (!Study.IsUsable)
        {
            return new StudyDatasets([], [.. efficacy!.Problems.Where(p => p.Severity == ProblemSeverity.Error)], efficacy, null);
        }

        // The safety side (ADSL, ADAE, ADEX) reads its own domains; an efficacy problem does not stop it being derived.
        var safety = SafetyDatasets.Run(Study, Options.Safety, Options.Exposure);
        problems.AddRange(safety.Problems);
        if (problems.Any(p => p.Severity == ProblemSeverity.Error))
        {
            return new StudyDatasets([], [.. problems.Where(p => p.Severity == ProblemSeverity.Error)], efficacy, safety);
        }

        return new StudyDatasets([.. efficacy?.Datasets ?? [], .. safety.Datasets], problems, efficacy, safety);
    }

    private StudyDerivationOptions DerivationOptions() => StudyDerivationOptions.Default with
    {
        Recist = Options.Recist,
        Endpoints = Options.Endpoints,
        Evaluator = Options.Evaluator ?? LesionReader.DefaultEvaluator,
        DateImputation = Options.DateImputation,
    };

    /// <summary>ADRS, ADTR and ADTTE from DM and TU/TR or RS; null (with the problems said) when blocked or without response data.</summary>
    private StudyDerivationResult? DeriveEfficacy(List<Problem> problems)
    {
        var source = ChooseResponses(Study, Options.Responses);
        if (source is null)
        {
            problems.Add(new Problem(
                Study.FileNameOf("RS"), null, null, null, "ADAM_NO_RESPONSE_DATA", "tumour response data: TU and TR (lesion measurements) or RS (recorded responses)", "none of TU, TR or RS",
                "ADRS, ADTR and ADTTE are not derived; add TU/TR or RS to derive them.", ProblemSeverity.Note));
            return null;
        }

        var derivation = DerivationOptions();
        if (source != Options.Responses)
        {
            problems.Add(new Problem(
                Study.FileNameOf("RS"), null, null, null, "ADAM_RESPONSES_FROM_RS", "lesion measurements (TU and TR) for the RECIST 1.1 derivation", "no TU or TR, and an RS domain",
                "The time-point responses are the recorded RS OVRLRESP (as --responses rs); there is no ADTR.", ProblemSeverity.Note));
        }

        if (source == ResponseSource.Lesions && Lesions is { } lesions)
        {
            if (lesions.HasErrors)
            {
                problems.AddRange(LoadProblems.Of(Study, ["DM", "TU", "TR"]).Where(p => p.Severity == ProblemSeverity.Error));
                problems.AddRange(lesions.Problems.Where(p => p.Severity == ProblemSeverity.Error));
                return null;
            }

            problems.AddRange(lesions.Problems);
            var cutoffProblems = new List<Problem>();
            var assessed = lesions.Lesions;
            if (StudyEndpointInputs.ReadCutoff(Study, cutoffProblems) is { } cutoff)
            {
                foreach (var late in assessed.Where(l => l.Date > cutoff).GroupBy(l => l.Subject, StringComparer.Ordinal))
                {
                    problems.Add(new Problem(
                        Study.FileNameOf("TR"), null, null, "TRDTC", "ADAM_AFTER_CUTOFF", $"lesion assessments on or before the data cutoff {cutoff:yyyy-MM-dd}",
                        $"{late.Count()} of subject {late.Key} after it (from {late.Min(l => l.Date):yyyy-MM-dd})", "They are left out of every derivation.", ProblemSeverity.Warning));
                }

                assessed = [.. assessed.Where(l => l.Date <= cutoff)];
            }

            derivation = derivation with { TimePoints = RecistDerivation.DeriveTimePointResponses(assessed, Options.Recist) };
        }

        var efficacy = StudyDerivation.Run(Study, derivation);
        problems.AddRange(efficacy.HasErrors ? efficacy.Problems.Where(p => p.Severity == ProblemSeverity.Error) : efficacy.Problems);
        return efficacy;
    }

    private StudySafety DeriveSafety()
    {
        if (!Study.IsUsable)
        {
            var errors = Study.Problems.Where(p => p.Severity == ProblemSeverity.Error).ToList();
            string dm = Study.FileNameOf("DM");
            throw new ProblemException(errors.Count > 0 ? errors : [new Problem(dm, null, null, "USUBJID", "STUDY_UNUSABLE", "a DM domain with USUBJID", "none", $"Add {dm}; see docs/data-format.md.")]);
        }

        var disposition = DispositionSummary.Compute(Study, Options.Disposition);
        var exposureData = Study.Domain("EX") is null ? new ExposureData([], []) : ExposureReader.Read(Study);
        var exposure = ExposureSummary.Compute(ExposureDerivation.DeriveDrugExposures(exposureData.Administrations, Options.Exposure), Options.Exposure);
        var ae = AeSummary.Compute(Study, Options.Safety);
        return new StudySafety(disposition, exposure, ae, [.. disposition.Problems, .. exposureData.Problems, .. ae.Problems]);
    }
}
