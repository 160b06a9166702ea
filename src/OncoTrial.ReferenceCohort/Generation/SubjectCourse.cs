namespace OncoTrial.ReferenceCohort.Generation;

/// <summary>Why a subject of the reference cohort died.</summary>
internal enum DeathCause
{
    /// <summary>Progression of the cancer (with or without a RECIST PD before).</summary>
    Progression,

    /// <summary>COVID-19, not related to the disease or the treatment.</summary>
    Covid19,

    /// <summary>A fatal adverse event (<see cref="SubjectCourse.FatalAdverseEvent"/> names it).</summary>
    AdverseEvent,
}

/// <summary>
/// One enrolled subject's treatment course, as the adverse-event, laboratory and vital-sign generators need it. Days
/// are study days: day 1 is the first dose; a day before it is negative (there is no day 0).
/// </summary>
/// <param name="Subject">USUBJID.</param>
/// <param name="FirstDose">The date of day 1.</param>
/// <param name="CycleDays">Day 1 of every cycle started, induction then maintenance, in order.</param>
/// <param name="InductionCycles">How many of <paramref name="CycleDays"/> are induction cycles (the rest are maintenance).</param>
/// <param name="LastDoseDay">Day of the last dose of any drug.</param>
/// <param name="IsOngoingAtCutoff">True when the subject is still on treatment at the data cutoff.</param>
/// <param name="LastKnownAliveDay">The last day the subject is known alive (the death day when the subject died).</param>
/// <param name="DeathDay">Day of death, or null.</param>
/// <param name="Death">Cause of death, or null.</param>
/// <param name="FatalAdverseEvent">The fatal AE's term when <paramref name="Death"/> is <see cref="DeathCause.AdverseEvent"/> (Myelosuppression, Lung infection, Intracranial hemorrhage, Esophageal fistula).</param>
/// <param name="StoppedForAdverseEvent">True when the subject stopped treatment because of an AE (Fig. 1's "Adverse events").</param>
/// <param name="PriorRadiotherapy">True when the subject had radiotherapy before the study (the paper's grade-5 fistula patient had).</param>
/// <param name="BaselineWeightKg">Weight at screening.</param>
/// <param name="HeightCm">Height at screening.</param>
/// <param name="Sex">DM SEX, M or F: the laboratory reference ranges of haemoglobin, ALT, AST and creatinine depend on it.</param>
/// <param name="ScreeningDay">Study day of the screening visit (labs, vital signs, height and weight): before day 1 and on or after informed consent.</param>
internal sealed record SubjectCourse(
    string Subject,
    DateOnly FirstDose,
    IReadOnlyList<int> CycleDays,
    int InductionCycles,
    int LastDoseDay,
    bool IsOngoingAtCutoff,
    int LastKnownAliveDay,
    int? DeathDay,
    DeathCause? Death,
    string? FatalAdverseEvent,
    bool StoppedForAdverseEvent,
    bool PriorRadiotherapy,
    double BaselineWeightKg,
    double HeightCm,
    string Sex = "M",
    int ScreeningDay = -7);
