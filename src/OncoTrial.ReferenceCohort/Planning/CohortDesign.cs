namespace OncoTrial.ReferenceCohort.Planning;

/// <summary>
/// The path of a subject through the trial: the skeleton of events the search then places in time
/// (docs/reference-cohort.md, "Subjects and outcomes").
/// </summary>
internal enum SubjectPath : byte
{
    /// <summary>Dies of an adverse event in induction before the first scan (best response NE).</summary>
    InductionDeath,

    /// <summary>RECIST progression at the first scan; induction stops for progression (best response PD).</summary>
    InductionProgression,

    /// <summary>Withdraws in induction before the first scan (best response NE).</summary>
    InductionWithdrawalBeforeScan,

    /// <summary>Withdraws in induction after one scan, an SD (shrinking) before the SD minimum duration (best response NE).</summary>
    InductionWithdrawalAfterNeScan,

    /// <summary>Lost to follow-up in induction before the first scan (best response NE).</summary>
    InductionLost,

    /// <summary>Withdraws in cycle 4 or 5 after two scans (evaluable), without RECIST progression.</summary>
    InductionWithdrawal,

    /// <summary>Stops induction for an adverse event in cycle 2 or 3; scans go on; RECIST progression later.</summary>
    InductionAdverseEvent,

    /// <summary>Stops induction for a protocol deviation in cycle 2 or 3; scans go on; RECIST progression later.</summary>
    InductionProtocolDeviation,

    /// <summary>RECIST progression at a maintenance scan; maintenance stops for progression.</summary>
    MaintenanceProgression,

    /// <summary>Maintenance stops for clinical progression between scans; dies of it before the next scan (no RECIST progression).</summary>
    MaintenanceClinicalProgression,

    /// <summary>Dies on maintenance (adverse event, COVID-19, or clinical progression) without RECIST progression.</summary>
    MaintenanceDeath,

    /// <summary>Withdraws from maintenance; scans go on; RECIST progression later.</summary>
    MaintenanceWithdrawalThenProgression,

    /// <summary>Withdraws from maintenance without RECIST progression.</summary>
    MaintenanceWithdrawal,

    /// <summary>Maintenance stops for poor compliance; scans go on; RECIST progression later.</summary>
    MaintenanceNonCompliance,

    /// <summary>Maintenance stops by the investigator's decision (clinical deterioration); dies of progression before the next scan.</summary>
    MaintenancePhysicianDecision,

    /// <summary>On maintenance at the data cutoff, alive, without progression.</summary>
    Ongoing,
}

/// <summary>The best-response class a subject is planned to have (the search's label; never written to the plan).</summary>
internal enum ResponseClass : byte
{
    /// <summary>Confirmed CR or PR.</summary>
    Responder,

    /// <summary>Stable disease.</summary>
    StableDisease,

    /// <summary>Progression at the first scan.</summary>
    Progression,

    /// <summary>No evaluable post-baseline scan.</summary>
    NotEvaluable,
}

/// <summary>What is known of a subject after it stops treatment early without progression.</summary>
internal enum FollowUp : byte
{
    /// <summary>Nothing: the subject leaves the study (consent withdrawn or lost).</summary>
    None,

    /// <summary>Survival contacts to the cutoff, but no more scans.</summary>
    SurvivalOnly,

    /// <summary>Scans on the calendar and survival contacts to the cutoff.</summary>
    Full,
}

/// <summary>PD-L1 CPS class (Table 1's rows).</summary>
internal enum CpsClass : byte
{
    /// <summary>CPS &lt; 1.</summary>
    BelowOne,

    /// <summary>1 ≤ CPS &lt; 10.</summary>
    OneToNine,

    /// <summary>CPS ≥ 10.</summary>
    TenOrMore,

    /// <summary>Not assessed.</summary>
    Unknown,
}

/// <summary>One subject's fixed design: its path and, for a death without RECIST progression, the cause.</summary>
/// <param name="Path">The path.</param>
/// <param name="Cause">The cause of a death that does not follow RECIST progression; null otherwise.</param>
internal sealed record SubjectProfile(SubjectPath Path, DeathCause? Cause)
{
    /// <summary>Completes induction and enters maintenance.</summary>
    public bool EntersMaintenance => Path >= SubjectPath.MaintenanceProgression;

    /// <summary>Has RECIST progression at a scan.</summary>
    public bool HasRecistProgression => Path is SubjectPath.InductionProgression or SubjectPath.InductionAdverseEvent or SubjectPath.InductionProtocolDeviation
        or SubjectPath.MaintenanceProgression or SubjectPath.MaintenanceWithdrawalThenProgression or SubjectPath.MaintenanceNonCompliance;

    /// <summary>Dies (of <see cref="Cause"/>) without RECIST progression.</summary>
    public bool DiesWithoutProgression => Cause is not null;

    /// <summary>The response class when the path fixes it (NE or PD); null when the search chooses (responder or SD).</summary>
    public ResponseClass? FixedResponse => Path switch
    {
        SubjectPath.InductionDeath or SubjectPath.InductionWithdrawalBeforeScan or SubjectPath.InductionWithdrawalAfterNeScan or SubjectPath.InductionLost => ResponseClass.NotEvaluable,
        SubjectPath.InductionProgression => ResponseClass.Progression,
        _ => null,
    };

    /// <summary>The follow-up choices of a path that stops treatment early without progression; one choice otherwise.</summary>
    public FollowUp[] FollowUpChoices => Path switch
    {
        SubjectPath.InductionWithdrawalBeforeScan or SubjectPath.InductionWithdrawalAfterNeScan => [FollowUp.None, FollowUp.SurvivalOnly],
        SubjectPath.InductionWithdrawal or SubjectPath.MaintenanceWithdrawal => [FollowUp.None, FollowUp.SurvivalOnly, FollowUp.Full],
        SubjectPath.InductionLost => [FollowUp.None],
        _ => [FollowUp.Full],
    };

    /// <summary>The discontinuation reason of the path's phase end, or null for an ongoing subject.</summary>
    public DiscontinuationReason? Reason => Path switch
    {
        SubjectPath.InductionDeath or SubjectPath.MaintenanceDeath => DiscontinuationReason.Death,
        SubjectPath.InductionProgression or SubjectPath.MaintenanceProgression or SubjectPath.MaintenanceClinicalProgression => DiscontinuationReason.ProgressiveDisease,
        SubjectPath.InductionWithdrawalBeforeScan or SubjectPath.InductionWithdrawalAfterNeScan or SubjectPath.InductionWithdrawal
            or SubjectPath.MaintenanceWithdrawalThenProgression or SubjectPath.MaintenanceWithdrawal => DiscontinuationReason.WithdrawalBySubject,
        SubjectPath.InductionLost => DiscontinuationReason.LostToFollowUp,
        SubjectPath.InductionAdverseEvent => DiscontinuationReason.AdverseEvent,
        SubjectPath.InductionProtocolDeviation => DiscontinuationReason.ProtocolDeviation,
        SubjectPath.MaintenanceNonCompliance => DiscontinuationReason.NonComplianceWithStudyDrug,
        SubjectPath.MaintenancePhysicianDecision => DiscontinuationReason.PhysicianDecision,
        _ => null,
    };
}

/// <summary>
/// The categories of the 50 enrolled subjects, fixed before any day is chosen: the paths that give Fig. 1's boxes,
/// the deaths by cause, the RECIST progressions and the evaluable subjects. The reasoning is in docs/reference-cohort.md.
/// </summary>
internal static class CohortDesign
{
    /// <summary>Subjects who progress by RECIST and die of it (of the 13 who progress); the search picks which.</summary>
    public const int ProgressionDeaths = 9;

    /// <summary>Stable disease as confirmed best response (Table 2).</summary>
    public const int StableDisease = 6;

    /// <summary>Maintenance subjects with 4, 5 and 6 induction cycles (median 5 over all 50, range 1-6).</summary>
    public static IReadOnlyList<int> InductionCycleCounts { get; } = [8, 12, 16];

    /// <summary>Responders in each CPS class: ≥ 10: 4 of 4; 1-9: 5 of 8; &lt; 1: 18 of 26; unknown: 9 of 12 (Results).</summary>
    public static IReadOnlyList<(CpsClass Class, int Responders, int Others)> CpsClasses { get; } =
    [
        (CpsClass.BelowOne, 18, 8),
        (CpsClass.OneToNine, 5, 3),
        (CpsClass.TenOrMore, 4, 0),
        (CpsClass.Unknown, 9, 3),
    ];

    /// <summary>Subjects with liver metastases (Table 1).</summary>
    public const int LiverMetastases = 7;

    /// <summary>The 50 profiles, in a fixed order (the search shuffles nothing here; it places them in time).</summary>
    public static IReadOnlyList<SubjectProfile> Profiles { get; } = Build();

    private static SubjectProfile[] Build()
    {
        var list = new List<SubjectProfile>
        {
            // Initial therapy discontinued (14): withdrawal 8, death 2, progression 1, AE 1, protocol deviation 1, lost 1.
            new(SubjectPath.InductionDeath, DeathCause.Myelosuppression),
            new(SubjectPath.InductionDeath, DeathCause.PulmonaryInfection),
            new(SubjectPath.InductionProgression, null),
            new(SubjectPath.InductionWithdrawalBeforeScan, null),
            new(SubjectPath.InductionWithdrawalBeforeScan, null),
            new(SubjectPath.InductionWithdrawalAfterNeScan, null),
            new(SubjectPath.InductionWithdrawalAfterNeScan, null),
            new(SubjectPath.InductionLost, null),
            new(SubjectPath.InductionWithdrawal, null),
            new(SubjectPath.InductionWithdrawal, null),
            new(SubjectPath.InductionWithdrawal, null),
            new(SubjectPath.InductionWithdrawal, null),
            new(SubjectPath.InductionAdverseEvent, null),
            new(SubjectPath.InductionProtocolDeviation, null),

            // Maintenance discontinued (19): progression 9 (7 RECIST, 2 clinical), death 5, withdrawal 3, compliance 1, investigator 1.
            new(SubjectPath.MaintenanceClinicalProgression, DeathCause.ProgressiveDisease),
            new(SubjectPath.MaintenanceClinicalProgression, DeathCause.ProgressiveDisease),
            new(SubjectPath.MaintenanceDeath, DeathCause.IntracranialHemorrhage),
            new(SubjectPath.MaintenanceDeath, DeathCause.EsophagealFistula),
            new(SubjectPath.MaintenanceDeath, DeathCause.Covid19),
            new(SubjectPath.MaintenanceDeath, DeathCause.Covid19),
            new(SubjectPath.MaintenanceDeath, DeathCause.ProgressiveDisease),
            new(SubjectPath.MaintenanceWithdrawalThenProgression, null),
            new(SubjectPath.MaintenanceWithdrawalThenProgression, null),
            new(SubjectPath.MaintenanceWithdrawal, null),
            new(SubjectPath.MaintenanceNonCompliance, null),
            new(SubjectPath.MaintenancePhysicianDecision, DeathCause.ProgressiveDisease),
        };

        for (int i = 0; i < 7; i++)
        {
            list.Add(new SubjectProfile(SubjectPath.MaintenanceProgression, null));
        }

        // Treatment ongoing at the cutoff (17).
        for (int i = 0; i < 17; i++)
        {
            list.Add(new SubjectProfile(SubjectPath.Ongoing, null));
        }

        return [.. list];
    }
}
