using OncoTrial.Clinical.Adam;
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
    /// <summary>OncoTrial's RECIST 1.1 derivation from the lesion measurements (TU/TR); also gives ADTR. The default.</summary>
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

    /// <summary>Censoring conventions of OS, PFS, DoR and time to response.</summary>
    public EndpointOptions Endpoints { get; init; } = EndpointOptions.Default;

    /// <summary>Treatment emergence, causality and AE table options.</summary>
    public SafetyOptions Safety { get; init; } = SafetyOptions.Default;

    /// <summary>Exposure and relative dose intensity options.</summary>
    public ExposureOptions Exposure { get; init; } = ExposureOptions.Default;

    /// <summary>Analysis-set options of the disposition summary.</summary>
    public DispositionOptions Disposition { get; init; } = DispositionOptions.Default;
}

/// <summary>The datasets of a study (ADRS, ADTR, ADTTE, ADAE, ADEX) and every problem met deriving them.</summary>
/// <param name="Datasets">The datasets in the order ADRS, ADTR, ADTTE, ADAE, ADEX; empty when errors blocked them.</param>
/// <param name="Problems">Errors (then no datasets) or warnings (imputations, exclusions), in the order met.</param>
/// <param name="Efficacy">The efficacy derivation, or null when the lesion input had errors.</param>
/// <param name="Safety">The safety derivation, or null when an earlier step had errors.</param>
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

    private StudyAnalysis(StudyFolder study, StudyAnalysisOptions options)
    {
        Study = study;
        Options = options;
        _validation = new(() => StudyValidator.Validate(study));
        _lesions = new(() => options.Responses == ResponseSource.Lesions && study.IsUsable ? LesionReader.ReadStudy(study, options.Evaluator) : null);
        _datasets = new(DeriveDatasets);
        _safety = new(DeriveSafety);
    }

    /// <summary>The study analysed.</summary>
    public StudyFolder Study { get; }

    /// <summary>The options used by every part.</summary>
    public StudyAnalysisOptions Options { get; }

    /// <summary>The study's validation: reading problems and every rule.</summary>
    public ValidationReport Validation => _validation.Value;

    /// <summary>The lesion measurements (TU, TR, DM), or null when responses come from RS or the study is unusable.</summary>
    public LesionInput? Lesions => _lesions.Value;

    /// <summary>ADRS, ADTR, ADTTE, ADAE and ADEX, as <c>oncotrial derive</c> writes them.</summary>
    public StudyDatasets Datasets => _datasets.Value;

    /// <summary>Disposition, exposure and adverse events.</summary>
    /// <exception cref="ProblemException">The study is unusable (no DM).</exception>
    public StudySafety Safety => _safety.Value;

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
        string[] used = ["TU", "TR", "DM"];
        ProblemException.ThrowIfAnyError(Study.Problems.Where(p => p.File is null or "." || used.Any(u => p.File.StartsWith(u, StringComparison.OrdinalIgnoreCase))));
        return RecistRun.FromLesions(LesionReader.ReadStudy(Study, Options.Evaluator), Options.Recist);
    }

    private StudyDatasets DeriveDatasets()
    {
        var problems = new List<Problem>();
        var derivation = StudyDerivationOptions.Default with { Recist = Options.Recist, Endpoints = Options.Endpoints, Evaluator = Options.Evaluator ?? LesionReader.DefaultEvaluator };
        if (Lesions is { } lesions)
        {
            if (lesions.HasErrors)
            {
                return new StudyDatasets([], [.. lesions.Problems.Where(p => p.Severity == ProblemSeverity.Error)], null, null);
            }

            problems.AddRange(lesions.Problems);
            derivation = derivation with { TimePoints = RecistDerivation.DeriveTimePointResponses(lesions.Lesions, Options.Recist) };
        }

        var efficacy = StudyDerivation.Run(Study, derivation);
        if (efficacy.HasErrors)
        {
            return new StudyDatasets([], [.. efficacy.Problems.Where(p => p.Severity == ProblemSeverity.Error)], efficacy, null);
        }

        problems.AddRange(efficacy.Problems);
        var safety = SafetyDatasets.Run(Study, Options.Safety, Options.Exposure);
        problems.AddRange(safety.Problems);
        return new StudyDatasets([.. efficacy.Datasets, .. safety.Datasets], problems, efficacy, safety);
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
