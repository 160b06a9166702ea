using OncoTrial.Clinical.Pipeline;
using OncoTrial.Statistics;

namespace OncoTrial.Clinical.Analyses;

/// <summary>
/// The paper's analyses of a study, computed from the pipeline's own outputs (<see cref="StudyAnalysis"/>: ADSL, ADRS,
/// ADTR, ADTTE, ADEX, the lesion time points, the disposition and the AE summary) and SC/CM, with one set of options:
/// Table 1 (<see cref="Baseline"/>), Table 2 (<see cref="Response"/>), the efficacy summary (<see cref="Efficacy"/>),
/// the subgroup analyses (<see cref="Subgroups"/>), the response details and figure data (<see cref="ResponseDetails"/>),
/// subsequent therapy (<see cref="SubsequentTherapy"/>) and the safety highlights (<see cref="Safety"/>). What
/// <c>reproduce</c> compares with the paper and <c>report</c> renders. Each part is computed once, on first use; the
/// object is immutable from the outside and safe to share between threads.
/// </summary>
/// <remarks>
/// The analysis set is the efficacy set of the disposition summary (<c>StudyAnalysisOptions.Disposition</c>: treated by
/// default, or enrolled); denominators come from the set, never from the rows counted. A study with more than one arm
/// (DM ARM, or ACTARM by <c>SafetyOptions.Arm</c>) gets a column per arm and a total. Definitions and sources:
/// docs/methods/analyses.md; defaults: docs/decisions/0012-paper-analyses.md.
/// </remarks>
public sealed class TrialResults
{
    private readonly AnalysisInputs _inputs;
    private readonly Lazy<BaselineCharacteristics> _baseline;
    private readonly Lazy<TumourResponse?> _response;
    private readonly Lazy<EfficacySummary?> _efficacy;
    private readonly Lazy<IReadOnlyList<SubgroupAnalysis>> _subgroups;
    private readonly Lazy<ResponseDetails?> _details;
    private readonly Lazy<SubsequentTherapy?> _subsequent;
    private readonly Lazy<SafetyHighlights> _safety;
    private readonly Lazy<IReadOnlyList<Problem>> _problems;

    private TrialResults(StudyAnalysis analysis, TrialResultsOptions options)
    {
        Analysis = analysis;
        Options = options;
        _inputs = new AnalysisInputs(analysis, options);
        _baseline = new(() => BaselineCharacteristics.Compute(Checked()));
        _response = new(() => Checked().HasAdrs ? TumourResponse.Compute(_inputs) : null);
        _efficacy = new(() => Checked().HasAdtte ? EfficacySummary.Compute(_inputs) : null);
        _subgroups = new(() => Checked().HasAdtte
            ? [.. options.SubgroupEndpoints.Where(code => _inputs.Adtte[code].Any()).Select(code => SubgroupAnalysis.Compute(_inputs, code))]
            : []);
        _details = new(() => Checked().HasAdrs ? ResponseDetails.Compute(_inputs) : null);
        _subsequent = new(() => Checked().HasAdrs ? SubsequentTherapy.Compute(_inputs) : null);
        _safety = new(() => SafetyHighlights.Compute(Checked()));
        _problems = new(CollectProblems);
    }

    /// <summary>The study analysis the results come from.</summary>
    public StudyAnalysis Analysis { get; }

    /// <summary>The options of every part.</summary>
    public TrialResultsOptions Options { get; }

    /// <summary>The analysis set (the disposition's efficacy set) and its columns.</summary>
    /// <exception cref="ProblemException">The study is unusable or its datasets have errors.</exception>
    public AnalysisPopulation Population => Checked().Efficacy;

    /// <summary>Table 1, baseline characteristics.</summary>
    /// <exception cref="ProblemException">The study is unusable or its datasets have errors.</exception>
    public BaselineCharacteristics Baseline => _baseline.Value;

    /// <summary>Table 2, tumour response; null when the study has no efficacy datasets (no TU/TR or RS).</summary>
    /// <exception cref="ProblemException">The study is unusable or its datasets have errors.</exception>
    public TumourResponse? Response => _response.Value;

    /// <summary>PFS, OS and DoR, and the median follow-up; null without ADTTE.</summary>
    /// <exception cref="ProblemException">The study is unusable or its datasets have errors.</exception>
    public EfficacySummary? Efficacy => _efficacy.Value;

    /// <summary>One subgroup analysis per endpoint of <see cref="TrialResultsOptions.SubgroupEndpoints"/> found in ADTTE.</summary>
    /// <exception cref="ProblemException">The study is unusable or its datasets have errors.</exception>
    public IReadOnlyList<SubgroupAnalysis> Subgroups => _subgroups.Value;

    /// <summary>Waterfall, swimmer and spider data, progressions and their sites; null without ADRS.</summary>
    /// <exception cref="ProblemException">The study is unusable or its datasets have errors.</exception>
    public ResponseDetails? ResponseDetails => _details.Value;

    /// <summary>Subsequent anticancer therapy among the subjects who progressed; null without ADRS.</summary>
    /// <exception cref="ProblemException">The study is unusable or its datasets have errors.</exception>
    public SubsequentTherapy? SubsequentTherapy => _subsequent.Value;

    /// <summary>Immune-related AEs, grouped terms, grade bands and deaths.</summary>
    /// <exception cref="ProblemException">The study is unusable or its datasets have errors.</exception>
    public SafetyHighlights Safety => _safety.Value;

    /// <summary>
    /// Every note and warning of every part (computing them all), and a note per part the study cannot give; the AE
    /// summary's problems are the pipeline's own (<see cref="StudySafety.Problems"/>) and are not repeated.
    /// </summary>
    /// <exception cref="ProblemException">The study is unusable or its datasets have errors.</exception>
    public IReadOnlyList<Problem> Problems => _problems.Value;

    /// <summary>Starts the analyses of a study; nothing is computed until a part is read.</summary>
    /// <param name="analysis">The study analysis.</param>
    /// <param name="options">The options; <see cref="TrialResultsOptions.Default"/> when null.</param>
    /// <exception cref="ArgumentOutOfRangeException">The options have a problem (<see cref="TrialResultsOptions.Validate"/>).</exception>
    public static TrialResults Create(StudyAnalysis analysis, TrialResultsOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(analysis);
        options ??= TrialResultsOptions.Default;
        if (!ReferenceEquals(options, TrialResultsOptions.Default))
        {
            options.EnsureValid();
        }

        return new TrialResults(analysis, options);
    }

    /// <summary>The subgroup analysis of a parameter (PFS, OS), or null.</summary>
    public SubgroupAnalysis? Subgroup(string paramCode) => Subgroups.FirstOrDefault(s => s.ParamCode == paramCode);

    /// <summary>The methods paragraph of every result (<see cref="TrialResultsOptions.Describe"/>).</summary>
    public string Describe() => Options.Describe();

    private AnalysisInputs Checked()
    {
        _ = Analysis.Safety; // throws the study's errors when it is unusable
        if (Analysis.Datasets.HasErrors)
        {
            throw new ProblemException(Analysis.Datasets.Problems.Where(p => p.Severity == ProblemSeverity.Error));
        }

        return _inputs;
    }

    private IReadOnlyList<Problem> CollectProblems()
    {
        var problems = new List<Problem>();
        problems.AddRange(Baseline.Problems);
        if (Response is null)
        {
            problems.Add(new Problem(
                Analysis.Study.FileNameOf("RS"), null, null, null, "ANALYSIS_NO_RESPONSE", "tumour response data (TU/TR or RS) for Table 2, the response details and subsequent therapy", "none",
                "None needed: those parts are not computed.", ProblemSeverity.Note));
        }

        problems.AddRange(Response?.Problems ?? []);
        problems.AddRange(Efficacy?.Problems ?? []);
        problems.AddRange(Subgroups.SelectMany(s => s.Problems));
        problems.AddRange(ResponseDetails?.Problems ?? []);
        problems.AddRange(SubsequentTherapy?.Problems ?? []);
        return [.. problems.Distinct()];
    }
}
