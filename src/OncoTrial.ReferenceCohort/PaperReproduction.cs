using System.Globalization;
using OncoTrial.Clinical.Analyses;
using OncoTrial.Clinical.Disposition;
using OncoTrial.Clinical.Exposure;
using OncoTrial.Clinical.Pipeline;
using OncoTrial.Clinical.Safety;
using OncoTrial.Clinical.Study;
using OncoTrial.ReferenceCohort.Generation;
using OncoTrial.Statistics.Design;

namespace OncoTrial.ReferenceCohort;

/// <summary>
/// <c>oncotrial reproduce</c>: every value of published-values.json beside the value the pipeline computes from a
/// study's source data (the built-in reference cohort by default). Each published id is mapped once, here, to the result
/// of the pipeline that answers it (the disposition boxes, Table 1 rows, exposure summaries, Kaplan-Meier estimates,
/// response rates, AE counts, the design computed from TS); nothing is typed in. docs/reference-cohort.md lists the
/// mapping and the readings.
/// </summary>
public static class PaperReproduction
{
    /// <summary>
    /// The paper's conventions: the pipeline's defaults (RECIST 1.1 with confirmation, SAS PROC LIFETEST conventions,
    /// Clopper-Pearson, CTCAE v5.0, TEAE window 30 days after the last dose), with the initial-phase RDI of the paper's
    /// Results computed against each cycle's length up to the drug's last dose and capped at 100 %
    /// (docs/decisions/0004-rdi.md).
    /// </summary>
    public static StudyAnalysisOptions Options { get; } = StudyAnalysisOptions.Default with
    {
        Exposure = ExposureOptions.Default with { LastCycle = LastCycleLength.TruncatedAtLastDose, RdiCap = 100 },
    };

    /// <summary>The TS parameters of the design (the statistical analysis plan), in the order of the design's arguments.</summary>
    public static IReadOnlyList<string> DesignParameters { get; } = ["HISTMED", "EXPMED", "ACCRUAL", "FOLLOWUP", "ALPHA", "POWER", "DROPOUT"];

    /// <summary>The DSTERM of the death records counted as deaths due to disease progression (matched ignoring case as part of the term).</summary>
    public const string ProgressionDeathTerm = "progression";

    /// <summary>The DSTERM of the death records counted as deaths due to COVID-19 (matched ignoring case as part of the term).</summary>
    public const string Covid19DeathTerm = "COVID-19";

    /// <summary>
    /// Computes every published value on an analysis and compares it with the paper.
    /// </summary>
    /// <param name="analysis">The study's analysis; run with <see cref="Options"/> to follow the paper's conventions.</param>
    /// <param name="study">The study's name in the result.</param>
    public static Reproduction Run(StudyAnalysis analysis, string study)
    {
        ArgumentNullException.ThrowIfNull(analysis);
        ArgumentNullException.ThrowIfNull(study);
        var sources = new Sources(analysis);
        var values = new List<ReproducedValue>();
        foreach (var published in PublishedValues.Paper.Values)
        {
            if (published.Kind == PublishedKind.Table)
            {
                values.AddRange(Table(published, sources));
                continue;
            }

            var computed = Compute(published.Id, sources);
            values.AddRange(Compare(published, computed));
        }

        string method = string.Join(
            " ",
            analysis.Results.Options.Describe(),
            "Exposure: " + analysis.Options.Exposure.Describe() + ".",
            "Safety: " + analysis.Options.Safety.Describe() + ".",
            "Endpoints: " + analysis.Options.Endpoints.Describe() + ".",
            "Design: " + DesignMethod + ".");
        return new Reproduction(study, method, values.AsReadOnly(), Readings);
    }

    /// <summary>The readings of the paper's inconsistencies that <see cref="Run"/> follows.</summary>
    public static IReadOnlyList<string> Readings { get; } =
    [
        "initial_discontinued: 14 of 50 is 28% (the Discussion); the Results' '14 (38%)' is a misprint, and no percentage is compared.",
        "metastatic_sites_3_or_more: Table 1's third row '>=2' is read as >= 3 sites (11 + 32 + 7 = 50).",
        "age_median: the published median of 64 years cannot stand beside Table 1's 26 of 50 subjects aged 65 or more (the two middle ages are then at least 65); the cohort has the counts, and its median is the nearest the counts allow, within a stated tolerance of 1 year.",
        "trae_grade3plus: 37 (74%) grade >= 3 treatment-related AEs (Table 3 and the Abstract); 39 (78%) is grade >= 3 of all AEs (ae_grade3plus).",
        "target_lesion_decrease: 45 subjects with a decrease of the target-lesion sum at any post-baseline scan, of 50; 2 of the 7 not evaluable have such a scan (an SD before the SD minimum of 6 weeks).",
        "orr_evaluable, dcr_evaluable: the 43 evaluable subjects are those with a best overall response other than NE (5 CR + 31 PR + 6 SD + 1 PD).",
        "subsequent_therapy, subsequent_third_line, subsequent_anti_pd1: over the 13 subjects who progressed.",
        "esophageal_fistula_grade3plus: grade 3-4 esophageal fistula (2); the paper reports the grade 5 fistula apart, among the deaths from AEs.",
        "bleeding_events: subjects with a treatment-emergent event of the bleeding group (the CTCAE haemorrhage terms, AeGroups.Bleeding).",
        "deaths_progression, deaths_covid19: DS death records whose DSTERM names progression or COVID-19; deaths_adverse_event: deaths with a fatal (grade 5) AE.",
        "pfs_median_cps_*, pfs_median_*liver*, os_median_*liver*: Kaplan-Meier medians of the subgroup levels; the p-values are log-rank tests between the levels.",
        "design_*: the inputs are read from TS (HISTMED, EXPMED, ACCRUAL, FOLLOWUP, ALPHA, POWER, DROPOUT); events, patients and enrolment are computed from them.",
    ];

    private const string DesignMethod = "single-arm exponential test on the log hazard against the historical median (Schoenfeld), uniform accrual, events / P(event), enrolment / (1 - dropout)";

    private static IEnumerable<ReproducedValue> Compare(PublishedValue published, Computed? computed)
    {
        string id = published.Id;
        if (computed is null)
        {
            yield return new ReproducedValue(id, published.Kind, published.Value.Value, published.Value.Decimals, null, 0, ReproductionVerdict.Differs, "Not computed: the study lacks what this value needs.");
            yield break;
        }

        if (published.Kind == PublishedKind.P)
        {
            yield return ComparePValue(published, computed);
            yield break;
        }

        yield return ReproducedValue.Compare(id, published.Kind, published.Value, computed.Value, computed.Note, computed.Tolerance);
        if (published.Of is int of)
        {
            yield return ReproducedValue.Compare(id + "/of", published.Kind, new PublishedNumber(of, 0), computed.Of, "The denominator.");
        }

        if (published.Percent is { } percent)
        {
            yield return ReproducedValue.Compare(id + "/percent", published.Kind, percent, computed.Percent);
        }

        if (published.Range is { } range)
        {
            yield return ReproducedValue.Compare(id + "/min", published.Kind, range.Low, computed.Range?.Low);
            yield return ReproducedValue.Compare(id + "/max", published.Kind, range.High, computed.Range?.High);
        }

        if (published.Ci is { } ci)
        {
            yield return ReproducedValue.Compare(id + "/lower", published.Kind, ci.Lower, computed.Ci?.Lower);
            yield return ReproducedValue.Compare(id + "/upper", published.Kind, ci.Upper, computed.Ci?.Upper);
        }
    }

    /// <summary>A p-value printed as a bound ("&lt;0.0001"): exact when the computed p-value satisfies it.</summary>
    private static ReproducedValue ComparePValue(PublishedValue published, Computed computed)
    {
        string bound = published.Bound ?? string.Empty;
        bool less = bound.StartsWith('<');
        string number = bound.TrimStart('<', '>', '=', ' ');
        int dot = number.IndexOf('.', StringComparison.Ordinal);
        int decimals = dot < 0 ? 0 : number.Length - dot - 1;
        double limit = double.Parse(number, NumberStyles.Float, CultureInfo.InvariantCulture);
        bool holds = computed.Value is { } p && (less ? p < limit : p > limit);
        string note = computed.Value is { } v
            ? string.Create(CultureInfo.InvariantCulture, $"Published {bound}; computed p = {v:G4}. {computed.Note}")
            : $"Published {bound}; no p-value computed. {computed.Note}";
        return new ReproducedValue(published.Id, published.Kind, limit, decimals, computed.Value, 0, holds ? ReproductionVerdict.Exact : ReproductionVerdict.Differs, note.TrimEnd());
    }

    /// <summary>Table 3: each cell, <c>ae_table/TERM/COLUMN</c>.</summary>
    private static IEnumerable<ReproducedValue> Table(PublishedValue table, Sources s)
    {
        var columns = table.Columns ?? [];
        foreach (var row in table.Rows ?? [])
        {
            for (int i = 0; i < columns.Count && i < row.Values.Count; i++)
            {
                var counts = columns[i].StartsWith("trae", StringComparison.Ordinal) ? s.Ae.Related : s.Ae.AllCause;
                var term = counts.Term(row.Term);
                int count = columns[i].EndsWith("grade3plus", StringComparison.Ordinal) ? term.Grade3OrWorse.Count : term.AnyGrade.Count;
                yield return ReproducedValue.Compare($"{table.Id}/{row.Term}/{columns[i]}", PublishedKind.Table, new PublishedNumber(row.Values[i], 0), count);
            }
        }
    }

    /// <summary>The computed value for a published id, or null when the study cannot give it.</summary>
    private static Computed? Compute(string id, Sources s) => id switch
    {
        "screened" => Box(s.Disposition.Screened),
        "excluded" => Box(s.Disposition.Excluded),
        "excluded_ineligible" => Reason(s.Disposition.ExclusionReasons, "SCREEN FAILURE"),
        "excluded_consent_withdrawal" => Reason(s.Disposition.ExclusionReasons, "WITHDRAWAL BY SUBJECT"),
        "enrolled" => Box(s.Disposition.Enrolled),
        "initial_discontinued" => Box(s.Disposition.InitialDiscontinued),
        "initial_discontinued_voluntary_withdrawal" => Reason(s.Disposition.InitialDiscontinuationReasons, "WITHDRAWAL BY SUBJECT"),
        "initial_discontinued_death" => Reason(s.Disposition.InitialDiscontinuationReasons, "DEATH"),
        "initial_discontinued_disease_progression" => Reason(s.Disposition.InitialDiscontinuationReasons, "PROGRESSIVE DISEASE"),
        "initial_discontinued_adverse_events" => Reason(s.Disposition.InitialDiscontinuationReasons, "ADVERSE EVENT"),
        "initial_discontinued_protocol_deviation" => Reason(s.Disposition.InitialDiscontinuationReasons, "PROTOCOL DEVIATION"),
        "initial_discontinued_lost_to_follow_up" => Reason(s.Disposition.InitialDiscontinuationReasons, "LOST TO FOLLOW-UP"),
        "maintenance_entered" => Box(s.Disposition.MaintenanceEntered),
        "maintenance_discontinued" => Box(s.Disposition.MaintenanceDiscontinued),
        "maintenance_discontinued_disease_progression" => Reason(s.Disposition.MaintenanceDiscontinuationReasons, "PROGRESSIVE DISEASE"),
        "maintenance_discontinued_death" => Reason(s.Disposition.MaintenanceDiscontinuationReasons, "DEATH"),
        "maintenance_discontinued_voluntary_withdrawal" => Reason(s.Disposition.MaintenanceDiscontinuationReasons, "WITHDRAWAL BY SUBJECT"),
        "maintenance_discontinued_poor_compliance" => Reason(s.Disposition.MaintenanceDiscontinuationReasons, "NON-COMPLIANCE WITH STUDY DRUG"),
        "maintenance_discontinued_investigator_decision" => Reason(s.Disposition.MaintenanceDiscontinuationReasons, "PHYSICIAN DECISION"),
        "treatment_ongoing_at_cutoff" => Box(s.Disposition.OngoingAtCutoff),
        "safety_set" => Box(s.Disposition.SafetySet),
        "efficacy_set" => Box(s.Disposition.EfficacySet),
        "centers" => new Computed(s.Centers(), "Distinct DM SITEID of the enrolled subjects."),

        "age_median" => s.Results.Baseline.Age[^1].Summary is { } age ? AgeMedian(age.Median) with { Range = (age.Min, age.Max) } : null,
        "age_lt65" => Baseline(s, "age/lt65"),
        "age_ge65" => Baseline(s, "age/ge65"),
        "sex_male" => Baseline(s, "sex/M"),
        "sex_female" => Baseline(s, "sex/F"),
        "ecog_0" => Baseline(s, "ecog/0"),
        "ecog_1" => Baseline(s, "ecog/1"),
        "stage_iva" => Baseline(s, "stage/IVA"),
        "stage_ivb" => Baseline(s, "stage/IVB"),
        "metastatic_sites_1" => Baseline(s, "metsites/1"),
        "metastatic_sites_2" => Baseline(s, "metsites/2"),
        "metastatic_sites_3_or_more" => Baseline(s, "metsites/ge3"),
        "metastasis_lymph_node" => Baseline(s, "metsite/LYMPH NODE"),
        "metastasis_lung" => Baseline(s, "metsite/LUNG"),
        "metastasis_liver" => Baseline(s, "metsite/LIVER"),
        "prior_surgery" => Baseline(s, "prior/surgery"),
        "prior_radiotherapy" => Baseline(s, "prior/radiotherapy"),
        "pdl1_cps_lt1" => Baseline(s, "pdl1/lt1"),
        "pdl1_cps_ge1" => Baseline(s, "pdl1/ge1"),
        "pdl1_cps_lt10" => Baseline(s, "pdl1/lt10"),
        "pdl1_cps_ge10" => Baseline(s, "pdl1/ge10"),
        "pdl1_unknown" => Baseline(s, "pdl1/unknown"),
        "pdl1_assessed" => Baseline(s, "pdl1/assessed"),

        "follow_up_median" => s.Results.Efficacy?.FollowUp[^1].Median is { } f ? Time(f, "Reverse Kaplan-Meier on OS (death censors, censoring is the event).") : null,
        "initial_cycles_median" => s.Exposure.ForPhase(TreatmentPhase.Induction)?.CyclesStarted is { } c ? new Computed(c.Median) { Range = (c.Min, c.Max) } : null,
        "rdi_benmelstobart_median" => Rdi(s, ExposureBuilder.Benmelstobart),
        "rdi_anlotinib_median" => Rdi(s, ExposureBuilder.Anlotinib),
        "rdi_paclitaxel_median" => Rdi(s, ExposureBuilder.Paclitaxel),
        "rdi_cisplatin_median" => Rdi(s, ExposureBuilder.Cisplatin),
        "duration_benmelstobart_mean" => Duration(s, ExposureBuilder.Benmelstobart),
        "duration_anlotinib_mean" => Duration(s, ExposureBuilder.Anlotinib),
        "duration_paclitaxel_mean" => Duration(s, ExposureBuilder.Paclitaxel),
        "duration_cisplatin_mean" => Duration(s, ExposureBuilder.Cisplatin),
        "completed_initial_4_to_6_cycles" => Count(s.Exposure.CompletedInductionAndEnteredMaintenance, s.Exposure.SubjectsTreated, "Subjects with 4 to 6 induction cycles and a maintenance dose."),

        "subsequent_therapy" => Of(s.Results.SubsequentTherapy?.Received),
        "subsequent_third_line" => Of(s.Results.SubsequentTherapy?.ThirdLine),
        "subsequent_anti_pd1" => Of(s.Results.SubsequentTherapy?.AntiPd1),

        "pfs_events" => Events(s, "PFS"),
        "pfs_median" => Median(s, "PFS"),
        "pfs_rate_12m" => Landmark(s, "PFS", 12),
        "os_deaths" => Events(s, "OS"),
        "os_median" => Median(s, "OS"),
        "os_rate_12m" => Landmark(s, "OS", 12),
        "alive_at_cutoff" => Of(s.Results.Safety.Deaths.Alive),

        "bor_cr" => Bor(s, "CR"),
        "bor_pr" => Bor(s, "PR"),
        "bor_sd" => Bor(s, "SD"),
        "bor_pd" => Bor(s, "PD"),
        "bor_ne" => Bor(s, "NE"),
        "orr" => Rate(s.Results.Response?.ObjectiveResponse),
        "dcr" => Rate(s.Results.Response?.DiseaseControl),
        "orr_evaluable" => Rate(s.Results.Response?.EvaluableObjectiveResponse),
        "dcr_evaluable" => Rate(s.Results.Response?.EvaluableDiseaseControl),
        "target_lesion_decrease" => Of(s.Results.ResponseDetails?.TargetLesionDecrease),
        "dor_gt_6m" => Of(s.Results.ResponseDetails?.DurableResponses),
        "dor_median" => Median(s, "DOR"),
        "sd_with_shrinkage" => Of(s.Results.ResponseDetails?.StableDiseaseWithShrinkage),
        "progressed" => Of(s.Results.ResponseDetails?.Progressed),
        "oligo_progression" => Of(s.Results.ResponseDetails?.Oligoprogression),
        "systemic_progression" => Of(s.Results.ResponseDetails?.SystemicProgression),
        "orr_cps_ge10" => Rate(s.Results.Response?.PdL1("pdl1/ge10")?.ObjectiveResponse),
        "orr_cps_lt10" => Rate(s.Results.Response?.PdL1("pdl1/lt10")?.ObjectiveResponse),
        "orr_cps_ge1" => Rate(s.Results.Response?.PdL1("pdl1/ge1")?.ObjectiveResponse),
        "orr_cps_lt1" => Rate(s.Results.Response?.PdL1("pdl1/lt1")?.ObjectiveResponse),
        "pfs_median_cps_ge1" => SubgroupMedian(s, "PFS", "pdl1-1", "pdl1/ge1"),
        "pfs_median_cps_lt1" => SubgroupMedian(s, "PFS", "pdl1-1", "pdl1/lt1"),
        "pfs_median_cps_ge10" => SubgroupMedian(s, "PFS", "pdl1-10", "pdl1/ge10"),
        "pfs_median_cps_lt10" => SubgroupMedian(s, "PFS", "pdl1-10", "pdl1/lt10"),
        "pfs_median_no_liver_mets" => SubgroupMedian(s, "PFS", "liver", "liver/no"),
        "pfs_median_liver_mets" => SubgroupMedian(s, "PFS", "liver", "liver/yes"),
        "pfs_liver_mets_logrank_p" => LogRank(s, "PFS", "liver"),
        "os_median_no_liver_mets" => SubgroupMedian(s, "OS", "liver", "liver/no"),
        "os_median_liver_mets" => SubgroupMedian(s, "OS", "liver", "liver/yes"),
        "os_liver_mets_logrank_p" => LogRank(s, "OS", "liver"),

        "ae_any" => Ae(s, s.Ae.AllCause.Any, grade3: false),
        "ae_grade3plus" => Ae(s, s.Ae.AllCause.Any, grade3: true),
        "trae_any" => Ae(s, s.Ae.Related.Any, grade3: false),
        "trae_grade3plus" => Ae(s, s.Ae.Related.Any, grade3: true),
        "ae_leading_to_discontinuation" => Ae(s, s.Ae.AllCause.LeadingToDiscontinuation, grade3: false),
        "ae_leading_to_dose_reduction" => Ae(s, s.Ae.AllCause.LeadingToDoseReduction, grade3: false),
        "irae_any" => Ae(s, s.Ae.AllCause.ImmuneRelated, grade3: false),
        "irae_grade3plus" => Ae(s, s.Ae.AllCause.ImmuneRelated, grade3: true),
        "irae_hypothyroidism" => Of(s.Results.Safety.ImmuneRelatedTerm("Hypothyroidism")?.AnyGrade),
        "irae_diarrhea" => Of(s.Results.Safety.ImmuneRelatedTerm("Diarrhea")?.AnyGrade),
        "irae_alt_increased" => Of(s.Results.Safety.ImmuneRelatedTerm("Alanine aminotransferase increased")?.AnyGrade),
        "bleeding_events" => Of(s.Results.Safety.Groups.FirstOrDefault(g => g.Group.Term == AeGroups.Bleeding.Name)?.Group.AnyGrade),
        "esophageal_fistula_grade3plus" => Of(s.Results.Safety.Term("Esophageal fistula")?.Grade3To4),
        "deaths_total" => Of(s.Results.Safety.Deaths.Total),
        "deaths_progression" => DeathCause(s, ProgressionDeathTerm),
        "deaths_covid19" => DeathCause(s, Covid19DeathTerm),
        "deaths_adverse_event" => Of(s.Results.Safety.Deaths.WithFatalAdverseEvent),

        "design_historical_median" => s.DesignInput("HISTMED"),
        "design_expected_median" => s.DesignInput("EXPMED"),
        "design_accrual" => s.DesignInput("ACCRUAL"),
        "design_follow_up" => s.DesignInput("FOLLOWUP"),
        "design_alpha_two_sided" => s.DesignInput("ALPHA"),
        "design_power" => s.DesignInput("POWER"),
        "design_dropout" => s.DesignInput("DROPOUT"),
        "design_events" => s.Design is { } d1 ? new Computed(d1.Events, string.Create(CultureInfo.InvariantCulture, $"⌈{d1.EventsUnrounded:F4}⌉ from the TS parameters.")) : null,
        "design_patients" => s.Design is { } d2 ? new Computed(d2.Patients, string.Create(CultureInfo.InvariantCulture, $"⌈{d2.PatientsUnrounded:F4}⌉ = events / P(event) {d2.EventProbability:F4}.")) : null,
        "design_enrolment" => s.Design is { } d3 ? new Computed(d3.Enrolment, string.Create(CultureInfo.InvariantCulture, $"⌈{d3.EnrolmentUnrounded:F4}⌉ = patients / (1 - dropout).")) : null,
        _ => null,
    };

    /// <summary>
    /// The age median beside what the paper's own counts allow: when more than half of the subjects are at or above
    /// the age cutoff (Table 1: 26 of 50 aged 65 or more), the two middle ages are at or above it, so no cohort with
    /// those counts has a median below it. The tolerance is the distance from the published median to the nearest
    /// median the counts allow, and the note gives the proof.
    /// </summary>
    private static Computed AgeMedian(double? median)
    {
        var paper = PublishedValues.Paper;
        double published = paper["age_median"].Value.Value ?? double.NaN;
        int below = (int)(paper["age_lt65"].Value.Value ?? 0), above = (int)(paper["age_ge65"].Value.Value ?? 0);
        const int cutoff = 65;
        if (above * 2 > below + above && published < cutoff)
        {
            string proof = string.Create(
                CultureInfo.InvariantCulture,
                $"The paper's median cannot be met: Table 1 has {above} of {below + above} subjects aged {cutoff} or more, so the two middle ages are both at least {cutoff} and the median is at least {cutoff}; the nearest median those counts allow is {cutoff}.");
            return new Computed(median, proof) { Tolerance = cutoff - published };
        }

        return new Computed(median);
    }

    private static Computed Box(DispositionBox box) => new(box.Count);

    private static Computed Reason(IReadOnlyList<DispositionReason> reasons, string code) =>
        new(reasons.FirstOrDefault(r => string.Equals(r.Code, code, StringComparison.OrdinalIgnoreCase))?.Count ?? 0, "DSDECOD " + code + ".");

    private static Computed Count(int count, int denominator, string? note = null) =>
        new(count, note) { Of = denominator, Percent = denominator > 0 ? 100.0 * count / denominator : null };

    private static Computed? Of(IReadOnlyList<Frequency>? frequencies) => frequencies is [.., var total] ? Of(total) : null;

    private static Computed Of(Frequency f) => new(f.Count) { Of = f.Denominator, Percent = f.Percent is { } p ? (double)p : null };

    private static Computed? Baseline(Sources s, string key) => s.Results.Baseline.Row(key)?.Total is { } f ? Of(f) : new Computed(0, "No subject has this value.");

    private static Computed? Bor(Sources s, string code) => s.Results.Response is { } r ? (r.Row(code)?.Total is { } f ? Of(f) : new Computed(0)) : null;

    private static Computed? Rate(IReadOnlyList<RateEstimate>? rates)
    {
        if (rates is not [.., var total])
        {
            return null;
        }

        var c = Of(total.Count);
        return total.Estimate is { } e ? c with { Percent = 100 * e.Estimate, Ci = (100 * e.Lower, 100 * e.Upper), Note = e.Method.ToString() } : c;
    }

    private static Computed Time(TimeEstimate t, string? note = null) => new(t.Estimate, note) { Ci = (t.Lower, t.Upper) };

    private static EndpointEstimate? Endpoint(Sources s, string paramCode) => s.Results.Efficacy?.Endpoint(paramCode)?.Total;

    private static Computed? Events(Sources s, string paramCode) => Endpoint(s, paramCode) is { } e ? new Computed(e.Events.Count) : null;

    private static Computed? Median(Sources s, string paramCode) => Endpoint(s, paramCode) is { } e ? Time(e.Median, "Kaplan-Meier median with the Brookmeyer-Crowley CI.") : null;

    private static Computed? Landmark(Sources s, string paramCode, double months) =>
        Endpoint(s, paramCode)?.Landmark(months) is { } l ? new Computed(100 * l.Survival, "Kaplan-Meier at the landmark, in percent.") { Ci = (100 * l.Lower, 100 * l.Upper) } : null;

    private static Computed? SubgroupMedian(Sources s, string paramCode, string variable, string level) =>
        s.Results.Subgroup(paramCode)?.Variable(variable)?.Level(level)?.Total is { } e ? Time(e.Median) : null;

    private static Computed? LogRank(Sources s, string paramCode, string variable) =>
        s.Results.Subgroup(paramCode)?.Variable(variable)?.LevelComparison is { } c ? new Computed(c.LogRankPValue, "Log-rank test between the levels.") : null;

    private static Computed Ae(Sources s, AeCountRow row, bool grade3)
    {
        int count = grade3 ? row.Grade3OrWorse.Count : row.AnyGrade.Count;
        return Count(count, s.Ae.N);
    }

    private static Computed? DeathCause(Sources s, string termPart)
    {
        var deaths = s.Results.Safety.Deaths;
        var subjects = deaths.ByCause.Where(r => r.Label.Contains(termPart, StringComparison.OrdinalIgnoreCase)).SelectMany(r => r.Total.Subjects).Distinct(StringComparer.Ordinal).Count();
        int n = s.Results.Safety.Population.N;
        return new Computed(subjects, $"DS death records whose DSTERM contains \"{termPart}\".") { Of = n, Percent = n > 0 ? 100.0 * subjects / n : null };
    }

    private static Computed? Rdi(Sources s, string drug) =>
        s.Exposure.For(drug, TreatmentPhase.Induction)?.Rdi is { } r ? new Computed(r.Median) { Range = (r.Min, r.Max) } : null;

    private static Computed? Duration(Sources s, string drug) =>
        s.Exposure.For(drug, TreatmentPhase.Induction)?.DurationMonths is { } d ? new Computed(d.Mean) { Range = (d.Min, d.Max) } : null;

    /// <summary>What the pipeline computed for one published entry: its value and the parts the paper prints beside it.</summary>
    private sealed record Computed(double? Value, string? Note = null)
    {
        public double? Percent { get; init; }

        public int? Of { get; init; }

        public (double? Low, double? High)? Range { get; init; }

        public (double? Lower, double? Upper)? Ci { get; init; }

        /// <summary>A stated tolerance wider than half a unit of the printed precision (the note says why), or null.</summary>
        public double? Tolerance { get; init; }
    }

    /// <summary>The parts of the analysis the values come from, each computed once.</summary>
    private sealed class Sources(StudyAnalysis analysis)
    {
        private readonly Lazy<SingleArmSurvivalResult?> _design = new(() => ComputeDesign(analysis.Study));

        public TrialResults Results { get; } = analysis.Results;

        public DispositionSummary Disposition { get; } = analysis.Safety.Disposition;

        public ExposureSummary Exposure { get; } = analysis.Safety.Exposure;

        public AeSummary Ae { get; } = analysis.Safety.AdverseEvents;

        public SingleArmSurvivalResult? Design => _design.Value;

        public int Centers()
        {
            var dm = analysis.Study.Domain("DM");
            if (dm is null)
            {
                return 0;
            }

            var enrolled = Disposition.Enrolled.Subjects.ToHashSet(StringComparer.Ordinal);
            return dm.Table.Records
                .Where(r => enrolled.Contains(dm.Value(r, "USUBJID")))
                .Select(r => dm.Value(r, "SITEID"))
                .Where(v => v.Length > 0)
                .Distinct(StringComparer.Ordinal)
                .Count();
        }

        public Computed? DesignInput(string parameter) =>
            TrialSummary(analysis.Study, parameter) is { } v ? new Computed(v, $"TS {parameter}: an input of the design.") : null;

        private static SingleArmSurvivalResult? ComputeDesign(StudyFolder study)
        {
            var p = DesignParameters.Select(code => TrialSummary(study, code)).ToList();
            if (p.Any(v => v is null))
            {
                return null;
            }

            var input = new SingleArmSurvivalInput(p[0]!.Value, p[1]!.Value, p[2]!.Value, p[3]!.Value, p[4]!.Value, p[5]!.Value, p[6]!.Value);
            return input.Validate().Count == 0 ? SingleArmSurvivalDesign.Compute(input) : null;
        }

        private static double? TrialSummary(StudyFolder study, string parameter)
        {
            var ts = study.Domain("TS");
            if (ts is null)
            {
                return null;
            }

            var record = ts.Table.Records.FirstOrDefault(r => string.Equals(ts.Value(r, "TSPARMCD"), parameter, StringComparison.OrdinalIgnoreCase));
            return record is not null && double.TryParse(ts.Value(record, "TSVAL"), NumberStyles.Float, CultureInfo.InvariantCulture, out double v) ? v : null;
        }
    }
}
