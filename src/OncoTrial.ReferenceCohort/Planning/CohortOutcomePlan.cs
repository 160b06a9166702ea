using OncoTrial.Clinical.Recist;

namespace OncoTrial.ReferenceCohort.Planning;

/// <summary>Sex as DM SEX records it.</summary>
public enum PlannedSex
{
    /// <summary>M.</summary>
    Male,

    /// <summary>F.</summary>
    Female,
}

/// <summary>AJCC 8th edition stage of the oesophageal squamous cell carcinoma at study entry (the paper's Table 1).</summary>
public enum DiseaseStage
{
    /// <summary>IVA: locally advanced (T4b or N3), no distant metastasis.</summary>
    IVA,

    /// <summary>IVB: distant metastasis (M1).</summary>
    IVB,
}

/// <summary>An organ that carries tumour: the primary (oesophagus) or a metastatic site (Table 1's rows and a few more).</summary>
public enum TumourSite
{
    /// <summary>The primary tumour (oesophagus).</summary>
    Esophagus,

    /// <summary>Lymph nodes (all nodal stations count as one organ).</summary>
    LymphNode,

    /// <summary>Lung.</summary>
    Lung,

    /// <summary>Liver.</summary>
    Liver,

    /// <summary>Bone.</summary>
    Bone,

    /// <summary>Adrenal gland.</summary>
    AdrenalGland,

    /// <summary>Pleura.</summary>
    Pleura,
}

/// <summary>Why a treatment phase ended early: the DSDECOD of the paper's Fig. 1 boxes (CDISC CT NCOMPLT).</summary>
public enum DiscontinuationReason
{
    /// <summary>WITHDRAWAL BY SUBJECT ("Voluntary withdrawal").</summary>
    WithdrawalBySubject,

    /// <summary>DEATH.</summary>
    Death,

    /// <summary>PROGRESSIVE DISEASE ("Disease progression"): RECIST 1.1 progression, or clinical progression without it.</summary>
    ProgressiveDisease,

    /// <summary>ADVERSE EVENT.</summary>
    AdverseEvent,

    /// <summary>PROTOCOL DEVIATION.</summary>
    ProtocolDeviation,

    /// <summary>LOST TO FOLLOW-UP ("Loss of follow-up").</summary>
    LostToFollowUp,

    /// <summary>NON-COMPLIANCE WITH STUDY DRUG ("Poor compliance").</summary>
    NonComplianceWithStudyDrug,

    /// <summary>PHYSICIAN DECISION ("Investigator's decision").</summary>
    PhysicianDecision,
}

/// <summary>Why a subject left the study before the data cutoff while alive (DS end-of-study event).</summary>
public enum StudyExitReason
{
    /// <summary>WITHDRAWAL BY SUBJECT: consent withdrawn; nothing is known after the exit day.</summary>
    WithdrawalBySubject,

    /// <summary>LOST TO FOLLOW-UP: nothing is known after the exit day.</summary>
    LostToFollowUp,
}

/// <summary>The cause of a death (the paper's Results: 13 progression, 2 COVID-19, 4 adverse events).</summary>
public enum DeathCause
{
    /// <summary>Progressive disease (after RECIST progression, or clinical progression without it).</summary>
    ProgressiveDisease,

    /// <summary>COVID-19 (not disease related).</summary>
    Covid19,

    /// <summary>Fatal adverse event: myelosuppression.</summary>
    Myelosuppression,

    /// <summary>Fatal adverse event: pulmonary infection.</summary>
    PulmonaryInfection,

    /// <summary>Fatal adverse event: intracranial hemorrhage (a bleeding event).</summary>
    IntracranialHemorrhage,

    /// <summary>Fatal adverse event: esophageal fistula (in a subject with prior radiotherapy of the primary).</summary>
    EsophagealFistula,
}

/// <summary>Why a screened subject was not enrolled.</summary>
public enum ScreenFailureReason
{
    /// <summary>SCREEN FAILURE: an eligibility criterion not met (the criterion is in <see cref="PlannedScreenFailure.Criterion"/>).</summary>
    Ineligible,

    /// <summary>WITHDRAWAL BY SUBJECT at screening (consent withdrawn before enrolment).</summary>
    ConsentWithdrawn,
}

/// <summary>
/// The outcome and timeline plan of the reference cohort: what happens to each of the paper's 50 enrolled patients and
/// the 9 screen failures, in study days (day 1 = first dose = enrolment; the day before day 1 is day −1). It holds
/// events only, never a derived result (no best overall response, no PFS, no RDI): those come out of the pipeline run on
/// the source data the generator writes from this plan. Made by <see cref="OutcomePlanner.Plan"/>.
/// </summary>
/// <param name="Seed">The seed that made the plan (the same seed gives the same plan).</param>
/// <param name="DataCutoff">The data cutoff (2024-04-01): nothing in the plan happens after it.</param>
/// <param name="Subjects">The 50 enrolled subjects, in subject-id order.</param>
/// <param name="ScreenFailures">The 9 screen failures, in subject-id order.</param>
/// <param name="Search">How the calibration search went.</param>
public sealed record CohortOutcomePlan(
    int Seed,
    DateOnly DataCutoff,
    IReadOnlyList<PlannedSubject> Subjects,
    IReadOnlyList<PlannedScreenFailure> ScreenFailures,
    PlanSearchSummary Search);

/// <summary>How the calibration search went (docs/reference-cohort.md, "Calibration of the survival figures").</summary>
/// <param name="Iterations">Local-search steps taken, over all restarts.</param>
/// <param name="Restarts">Restarts from a fresh start state (0 when the first run met every target).</param>
/// <param name="BaselineShuffles">Baseline assignments drawn until no other subgroup showed a log-rank p &lt; 0.05.</param>
public sealed record PlanSearchSummary(long Iterations, int Restarts, int BaselineShuffles);

/// <summary>One enrolled subject: identity, baseline, treatment course, tumour assessments and outcome.</summary>
/// <param name="SubjectId">Subject id within the study, "SS-NNN" (site, number in screening order at that site).</param>
/// <param name="Site">Study site (centre), 1 to 5.</param>
/// <param name="FirstDoseDate">Day 1: first dose of study treatment, which is also the enrolment date.</param>
/// <param name="ScreeningDay">Informed consent and start of screening (a negative study day).</param>
/// <param name="Baseline">Baseline characteristics (Table 1).</param>
/// <param name="Treatment">Treatment course by phase.</param>
/// <param name="BaselineScanDay">The baseline tumour assessment, within the 28 days before the first dose (day −28 to −1).</param>
/// <param name="Scans">Post-baseline tumour assessments in day order, each with the intended RECIST 1.1 overall response.</param>
/// <param name="Progression">RECIST progression (the scan that shows it), or null when the subject never progressed by RECIST.</param>
/// <param name="Death">Death on or before the cutoff, or null when the subject is not known to have died.</param>
/// <param name="StudyExit">Exit from the study alive before the cutoff (consent withdrawn, lost to follow-up), or null.</param>
/// <param name="LastKnownAliveDay">The last day the subject is known alive: the death day for a subject who died; otherwise the
/// generator writes a dated record on this day (a visit, dose, scan or survival contact) and none later before the cutoff.</param>
/// <param name="SubsequentTherapies">Anticancer therapy after the study treatment, by line (second line first).</param>
public sealed record PlannedSubject(
    string SubjectId,
    int Site,
    DateOnly FirstDoseDate,
    int ScreeningDay,
    PlannedBaseline Baseline,
    PlannedTreatment Treatment,
    int BaselineScanDay,
    IReadOnlyList<PlannedScan> Scans,
    PlannedProgression? Progression,
    PlannedDeath? Death,
    PlannedStudyExit? StudyExit,
    int LastKnownAliveDay,
    IReadOnlyList<PlannedTherapy> SubsequentTherapies)
{
    /// <summary>The calendar date of a study day (day 1 is <see cref="FirstDoseDate"/>; day −1 the day before it; there is no day 0).</summary>
    /// <exception cref="ArgumentOutOfRangeException">Day 0.</exception>
    public DateOnly DateOf(int studyDay) => studyDay switch
    {
        > 0 => FirstDoseDate.AddDays(studyDay - 1),
        < 0 => FirstDoseDate.AddDays(studyDay),
        _ => throw new ArgumentOutOfRangeException(nameof(studyDay), studyDay, "studyDay: expected a study day other than 0 (day 1 is the first dose, day -1 the day before)."),
    };
}

/// <summary>Baseline characteristics (the paper's Table 1).</summary>
/// <param name="Age">Age in years at informed consent.</param>
/// <param name="Sex">Sex.</param>
/// <param name="Ecog">ECOG performance status, 0 or 1.</param>
/// <param name="Stage">Disease stage, IVA or IVB.</param>
/// <param name="MetastaticSites">Organs with metastases (lymph nodes count as one), in <see cref="TumourSite"/> order; their number is Table 1's "number of metastatic sites".</param>
/// <param name="PriorSurgery">Prior surgery of the primary.</param>
/// <param name="PriorRadiotherapy">Prior radiotherapy.</param>
/// <param name="PdL1Cps">PD-L1 combined positive score (VENTANA SP263), or null when not assessed.</param>
public sealed record PlannedBaseline(
    int Age,
    PlannedSex Sex,
    int Ecog,
    DiseaseStage Stage,
    IReadOnlyList<TumourSite> MetastaticSites,
    bool PriorSurgery,
    bool PriorRadiotherapy,
    double? PdL1Cps)
{
    /// <summary>True when the liver is among the metastatic sites (the subgroup of the paper's liver analyses).</summary>
    public bool HasLiverMetastases => MetastaticSites.Contains(TumourSite.Liver);
}

/// <summary>
/// The treatment course: 21-day cycles; cycle k starts on day 1 + 21(k − 1) of the protocol calendar (the generator may
/// delay a cycle, within the phase's end day). Induction (initial therapy: benmelstobart, anlotinib, paclitaxel,
/// cisplatin) runs 4-6 cycles; maintenance (benmelstobart, anlotinib) starts with cycle <c>InductionCycles + 1</c>.
/// </summary>
/// <param name="InductionCycles">Induction cycles started, 1 to 6.</param>
/// <param name="MaintenanceCycles">Maintenance cycles started (0 when the subject never entered maintenance).</param>
/// <param name="InductionDiscontinuation">Early end of induction (day and reason), or null when the subject completed it and entered maintenance.</param>
/// <param name="MaintenanceDiscontinuation">End of maintenance (day and reason), or null when the subject never entered maintenance or is still treated at the cutoff.</param>
public sealed record PlannedTreatment(
    int InductionCycles,
    int MaintenanceCycles,
    PlannedDiscontinuation? InductionDiscontinuation,
    PlannedDiscontinuation? MaintenanceDiscontinuation)
{
    /// <summary>True when the subject completed induction and started maintenance.</summary>
    public bool EnteredMaintenance => InductionDiscontinuation is null;

    /// <summary>True when the subject is still on maintenance at the data cutoff.</summary>
    public bool IsOngoingAtCutoff => EnteredMaintenance && MaintenanceDiscontinuation is null;

    /// <summary>The nominal first day of maintenance (cycle <see cref="InductionCycles"/> + 1), or null without maintenance.</summary>
    public int? MaintenanceStartDay => EnteredMaintenance ? 1 + (ProtocolCalendar.CycleDays * InductionCycles) : null;
}

/// <summary>The early end of a treatment phase.</summary>
/// <param name="Day">The day treatment ended (DS DSSTDTC): on or after the start of the last cycle started.</param>
/// <param name="Reason">The reason (Fig. 1).</param>
public sealed record PlannedDiscontinuation(int Day, DiscontinuationReason Reason);

/// <summary>One post-baseline tumour assessment (a CT/MRI scan read by the investigator).</summary>
/// <param name="Day">The day of the scan: <paramref name="NominalDay"/> within ±7 days.</param>
/// <param name="NominalDay">The day on the protocol calendar (docs/reference-cohort.md: every 42 days in induction, every 63 in maintenance and follow-up).</param>
/// <param name="Visit">The visit name, e.g. "WEEK 6".</param>
/// <param name="Response">The intended RECIST 1.1 overall response at this time point: the lesion sizes the generator writes must make the RECIST engine derive it.</param>
/// <param name="IsTargetSumBelowBaseline">True when the measured target lesions sum below baseline (CR and PR always; SD here always shrinks, including the SD before the SD minimum of a withdrawal after one scan; at a PD by a new lesion too).</param>
/// <param name="HasNewLesion">True when the scan shows an unequivocal new lesion (only at a PD scan made by a new lesion).</param>
public sealed record PlannedScan(int Day, int NominalDay, string Visit, OverallResponse Response, bool IsTargetSumBelowBaseline, bool HasNewLesion);

/// <summary>RECIST 1.1 progression.</summary>
/// <param name="ScanDay">The day of the scan that shows progression (the last scan of the subject).</param>
/// <param name="ByNewLesion">True when a new lesion made the progression (the waterfall's asterisk); otherwise the target sum grew at least 20% (and 5 mm) over the nadir.</param>
/// <param name="Sites">The progressing organs: 1-2 is oligo-progression, 3 or more systemic.</param>
public sealed record PlannedProgression(int ScanDay, bool ByNewLesion, IReadOnlyList<TumourSite> Sites);

/// <summary>A death on or before the cutoff.</summary>
/// <param name="Day">The day of death: after the subject's last scan.</param>
/// <param name="Cause">The cause.</param>
public sealed record PlannedDeath(int Day, DeathCause Cause);

/// <summary>An exit from the study alive before the cutoff.</summary>
/// <param name="Day">The exit day (DS end-of-study event); nothing is known of the subject after it.</param>
/// <param name="Reason">Consent withdrawn or lost to follow-up.</param>
public sealed record PlannedStudyExit(int Day, StudyExitReason Reason);

/// <summary>One line of anticancer therapy after the study treatment (CM, CMCAT SUBSEQUENT ANTICANCER THERAPY).</summary>
/// <param name="Line">The line: 2 for the first therapy after the study treatment, 3 for the next.</param>
/// <param name="StartDay">The first day of the therapy: after RECIST progression, on or before the cutoff and the death.</param>
/// <param name="Drug">The drug or regimen (CMDECOD), e.g. "CAMRELIZUMAB".</param>
/// <param name="IsAntiPd1">True for an anti-PD-1 antibody.</param>
public sealed record PlannedTherapy(int Line, int StartDay, string Drug, bool IsAntiPd1);

/// <summary>A screened subject who was not enrolled.</summary>
/// <param name="SubjectId">Subject id within the study, "SS-NNN".</param>
/// <param name="Site">Study site, 1 to 5.</param>
/// <param name="ScreeningDate">Informed consent and start of screening.</param>
/// <param name="EndDate">The day screening ended (DS SCREEN FAILURE or WITHDRAWAL BY SUBJECT).</param>
/// <param name="Age">Age in years.</param>
/// <param name="Sex">Sex.</param>
/// <param name="Reason">Ineligible or consent withdrawn.</param>
/// <param name="Criterion">The eligibility criterion not met (DSTERM), or null for a consent withdrawal.</param>
public sealed record PlannedScreenFailure(
    string SubjectId,
    int Site,
    DateOnly ScreeningDate,
    DateOnly EndDate,
    int Age,
    PlannedSex Sex,
    ScreenFailureReason Reason,
    string? Criterion);
