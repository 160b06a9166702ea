using OncoTrial.Clinical.Data;
using OncoTrial.Clinical.Endpoints;
using OncoTrial.Clinical.Recist;
using OncoTrial.Clinical.Study;

using OncoTrial.Statistics;

namespace OncoTrial.Clinical.Adam;

/// <summary>Options of <see cref="StudyDerivation.Run"/>.</summary>
public sealed record StudyDerivationOptions
{
    /// <summary>The defaults: investigator RS responses, RECIST and endpoint defaults, no ADTR.</summary>
    public static StudyDerivationOptions Default { get; } = new();

    /// <summary>Confirmation and BOR options; <see cref="RecistOptions.Default"/> unless set.</summary>
    public RecistOptions Recist { get; init; } = RecistOptions.Default;

    /// <summary>Censoring conventions of the time-to-event endpoints; <see cref="EndpointOptions.Default"/> unless set.</summary>
    public EndpointOptions Endpoints { get; init; } = EndpointOptions.Default;

    /// <summary>RSEVAL or RSEVALID of the RS responses used when no <see cref="TimePoints"/> are given (and TUEVAL or TUEVALID for MDIS); INVESTIGATOR by default.</summary>
    public string Evaluator { get; init; } = "INVESTIGATOR";

    /// <summary>The day a partial RSDTC is imputed to; last by default (docs/decisions/0010-assessment-date-imputation.md).</summary>
    public DateImputation DateImputation { get; init; } = DateImputation.Last;

    /// <summary>
    /// Time-point responses derived from lesion measurements (<see cref="RecistDerivation.DeriveTimePointResponses"/>). When
    /// given, they replace the RS responses as ADRS OVR and ADTR is derived from them; when null, ADRS uses RS and there is no ADTR.
    /// </summary>
    public IReadOnlyList<TimePointResponse>? TimePoints { get; init; }
}

/// <summary>The ADaM datasets of a study and how they were derived.</summary>
/// <param name="Adrs">ADRS, or null when errors blocked the derivation.</param>
/// <param name="Adtte">ADTTE with OS, PFS, DOR and TTR, or null when errors blocked the derivation.</param>
/// <param name="Adtr">ADTR, or null without lesion time points (or on errors).</param>
/// <param name="BestResponses">BOR and confirmed BOR per treated subject.</param>
/// <param name="TimeToEvent">The ADTTE records.</param>
/// <param name="Problems">Every problem; errors mean no datasets, warnings state imputations and exclusions.</param>
/// <param name="Options">The options used.</param>
public sealed record StudyDerivationResult(
    Dataset? Adrs,
    Dataset? Adtte,
    Dataset? Adtr,
    IReadOnlyList<BestOverallResponse> BestResponses,
    IReadOnlyList<TimeToEventRecord> TimeToEvent,
    IReadOnlyList<Problem> Problems,
    StudyDerivationOptions Options)
{
    /// <summary>Whether any problem is an error (then there are no datasets).</summary>
    public bool HasErrors => Problems.Any(p => p.Severity == ProblemSeverity.Error);

    /// <summary>The datasets derived, in the order ADRS, ADTR, ADTTE.</summary>
    public IReadOnlyList<Dataset> Datasets => new[] { Adrs, Adtr, Adtte }.OfType<Dataset>().ToList();
}

/// <summary>From a study folder to the efficacy ADaM datasets: ADRS, ADTTE and (with lesion time points) ADTR.</summary>
public static class StudyDerivation
{
    /// <summary>
    /// Reads the study (<see cref="StudyEndpointInputs.Read(StudyFolder, string, DateImputation)"/>; RS responses only
    /// when no time points are given), prepares the OVR records (<see cref="AdrsWriter.PrepareOverallResponses"/>),
    /// derives BOR and confirmed BOR from the analysis records (ANL01FL, cut at new anticancer therapy and at the first PD),
    /// builds ADRS, the endpoint subjects and ADTTE (OS, PFS, DOR, TTR; STUDYID added in front), and ADTR when lesion time
    /// points are given. Only the loading problems of the domains read can block it (DM, TS, RS, CM, DS, EX, TR, TU, LB,
    /// VS, AE; a missing optional file or column does not). Time points after the data cutoff are left out (warning).
    /// </summary>
    /// <param name="study">A loaded study folder.</param>
    /// <param name="options">Options; the defaults when null.</param>
    public static StudyDerivationResult Run(StudyFolder study, StudyDerivationOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(study);
        options ??= StudyDerivationOptions.Default;
        var inputs = StudyEndpointInputs.Read(study, options.Evaluator, options.DateImputation, readResponses: options.TimePoints is null);
        var problems = inputs.Problems.ToList();
        if (!study.IsUsable && !problems.Any(p => p.Severity == ProblemSeverity.Error))
        {
            string dm = study.FileNameOf("DM");
            problems.Add(new Problem(dm, null, null, "USUBJID", "ADAM_NO_SUBJECTS", "a DM domain with USUBJID", "none", $"Add {dm}; see docs/data-format.md."));
        }

        if (problems.Any(p => p.Severity == ProblemSeverity.Error))
        {
            return new StudyDerivationResult(null, null, null, [], [], problems, options);
        }

        var referenceDates = inputs.ReferenceDates;
        var treated = referenceDates.Keys.ToHashSet(StringComparer.Ordinal);
        IEnumerable<AdrsAssessment> assessments = inputs.Assessments;
        IReadOnlyList<TimePointResponse>? kept = null;
        if (options.TimePoints is { } timePoints)
        {
            foreach (string subject in timePoints.Select(t => t.Subject).Where(s => !treated.Contains(s)).Distinct(StringComparer.Ordinal))
            {
                problems.Add(new Problem(study.FileNameOf("DM"), null, null, "RFXSTDTC", "ADAM_SUBJECT_NOT_TREATED", "lesion time points of treated subjects (DM RFXSTDTC)", $"time points of {subject}", "The subject's time points are left out.", ProblemSeverity.Warning));
            }

            foreach (var late in timePoints.Where(t => treated.Contains(t.Subject) && inputs.DataCutoffDate is { } c && t.Date > c))
            {
                problems.Add(new Problem(study.FileNameOf("TR"), null, null, "TRDTC", "ADAM_AFTER_CUTOFF", $"an assessment on or before the data cutoff {inputs.DataCutoffDate:yyyy-MM-dd}", $"the time point of {late.Subject} on {late.Date:yyyy-MM-dd}", "The time point is left out.", ProblemSeverity.Warning));
            }

            kept = [.. timePoints.Where(t => treated.Contains(t.Subject) && (inputs.DataCutoffDate is not { } c || t.Date <= c))];
            assessments = AdrsAssessment.FromTimePoints(kept);
        }

        var overall = AdrsWriter.PrepareOverallResponses(assessments, referenceDates, inputs.NewTherapyDates);
        var analysis = overall.Where(o => o.IsAnalysisRecord).ToLookup(o => o.Subject, StringComparer.Ordinal);
        var responses = inputs.Subjects.Select(s => new SubjectResponses(
            s.Subject, s.ReferenceDate, [.. analysis[s.Subject].Select(o => new DatedResponse(o.Date, o.Response))], s.NewAnticancerTherapyDate));
        var best = RecistDerivation.DeriveBestOverallResponse(responses, options.Recist);
        foreach (var b in best)
        {
            foreach (string w in b.Warnings)
            {
                problems.Add(new Problem(study.FileNameOf(options.TimePoints is null ? "RS" : "TR"), null, null, null, "RECIST_WARNING", "a response sequence without data issues", $"subject {b.Subject}: {w}", "Review the subject's responses.", ProblemSeverity.Warning));
            }
        }

        string evaluator = options.TimePoints is null ? ToTitle(options.Evaluator) : "OncoTrial RECIST 1.1";
        var adrsSubjects = inputs.Subjects.Select(s => new AdrsSubject(
            s.Subject,
            s.ReferenceDate,
            s.DeathDate is { } d && (inputs.DataCutoffDate is not { } c || d <= c) ? d : null,
            inputs.MeasurableDiseaseSubjects?.Contains(s.Subject)));
        var adrs = AdrsWriter.ToDataset(inputs.StudyId, overall, best, adrsSubjects, evaluator);

        var subjects = StudyEndpointInputs.CreateEndpointSubjects(inputs, overall, best, options.Endpoints);
        var tte = new List<TimeToEventRecord>();
        tte.AddRange(TimeToEventEndpoints.DeriveOs(subjects, options.Endpoints));
        tte.AddRange(TimeToEventEndpoints.DerivePfs(subjects, options.Endpoints));
        tte.AddRange(TimeToEventEndpoints.DeriveDor(subjects, options.Endpoints));
        tte.AddRange(TimeToEventEndpoints.DeriveTimeToResponse(subjects, options.Endpoints));
        var adtte = WithStudyId(AdtteWriter.ToDataset(tte), inputs.StudyId);

        var adtr = kept is not null ? AdtrWriter.ToDataset(inputs.StudyId, kept, referenceDates) : null;
        return new StudyDerivationResult(adrs, adtte, adtr, best, tte, problems, options);
    }

    private static Dataset WithStudyId(Dataset dataset, string studyId)
    {
        var column = DatasetColumn.Character("STUDYID", "Study Identifier", [.. Enumerable.Repeat(studyId, dataset.RowCount)])
            .WithLengthAndFormat(Math.Max(1, System.Text.Encoding.UTF8.GetByteCount(studyId)), null);
        return new Dataset(dataset.Name, dataset.Label, [column, .. dataset.Columns]);
    }

    private static string ToTitle(string evaluator) =>
        string.Join(' ', evaluator.Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(w => char.ToUpperInvariant(w[0]) + w[1..].ToLowerInvariant()));
}
