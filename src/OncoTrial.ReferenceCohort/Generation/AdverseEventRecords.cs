namespace OncoTrial.ReferenceCohort.Generation;

/// <summary>AEACN: what was done with study treatment because of an adverse event (CDISC CT C66767).</summary>
internal enum AdverseAction
{
    /// <summary>DOSE NOT CHANGED.</summary>
    DoseNotChanged,

    /// <summary>DOSE REDUCED: the drug is given at a lower dose level from the next cycle (<see cref="AdverseDoseReduction"/>).</summary>
    DoseReduced,

    /// <summary>DRUG INTERRUPTED: the next cycle was postponed, or a drug was held for a cycle (<see cref="AdverseInterruption"/>).</summary>
    DrugInterrupted,

    /// <summary>DRUG WITHDRAWN: a drug, or the whole treatment, was stopped for good (<see cref="AdverseWithdrawal"/>).</summary>
    DrugWithdrawn,

    /// <summary>NOT APPLICABLE: the event began after the last dose, or was fatal.</summary>
    NotApplicable,
}

/// <summary>One adverse event of the reference cohort: one AE record, for one event at one grade.</summary>
/// <param name="Subject">USUBJID.</param>
/// <param name="Verbatim">AETERM.</param>
/// <param name="DecodedTerm">AEDECOD.</param>
/// <param name="SystemOrganClass">AEBODSYS and AESOC.</param>
/// <param name="StartDay">Study day of AESTDTC (day 1 = first dose).</param>
/// <param name="EndDay">Study day of AEENDTC, or null while ongoing at the subject's last contact.</param>
/// <param name="Start">AESTDTC.</param>
/// <param name="End">AEENDTC, or null.</param>
/// <param name="Grade">AETOXGR, CTCAE v5.0.</param>
/// <param name="IsSerious">AESER = Y.</param>
/// <param name="RelatedDrugs">EXTRT of each drug the investigator judged related (AERELBEN, AERELANL, AERELPAC, AERELCIS = Y); empty: not related (AEREL = N).</param>
/// <param name="Action">AEACN.</param>
/// <param name="ResultsInDeath">AESDTH = Y (grade 5, AEOUT FATAL).</param>
/// <param name="IsImmuneRelated">AEIRFL = Y.</param>
/// <param name="Cycle">The cycle (1-based, across phases) in which the event began.</param>
internal sealed record AdverseEventRecord(
    string Subject,
    string Verbatim,
    string DecodedTerm,
    string SystemOrganClass,
    int StartDay,
    int? EndDay,
    DateOnly Start,
    DateOnly? End,
    int Grade,
    bool IsSerious,
    IReadOnlyList<string> RelatedDrugs,
    AdverseAction Action,
    bool ResultsInDeath,
    bool IsImmuneRelated,
    int Cycle)
{
    /// <summary>AEREL = Y: related to at least one study drug.</summary>
    public bool IsRelated => RelatedDrugs.Count > 0;

    /// <summary>AEOUT: FATAL for grade 5, RECOVERED/RESOLVED with an end date, NOT RECOVERED/NOT RESOLVED without.</summary>
    public string Outcome => ResultsInDeath ? "FATAL" : End is null ? "NOT RECOVERED/NOT RESOLVED" : "RECOVERED/RESOLVED";

    /// <summary>AEACN as CDISC CT spells it.</summary>
    public string ActionTaken => Action switch
    {
        AdverseAction.DoseReduced => "DOSE REDUCED",
        AdverseAction.DrugInterrupted => "DRUG INTERRUPTED",
        AdverseAction.DrugWithdrawn => "DRUG WITHDRAWN",
        AdverseAction.NotApplicable => "NOT APPLICABLE",
        _ => "DOSE NOT CHANGED",
    };
}

/// <summary>A dose reduction an adverse event causes: the exposure builder gives the drug one dose level lower from <paramref name="FromCycle"/> on (anlotinib 10 -> 8 -> 6 mg; paclitaxel or cisplatin at 80%).</summary>
/// <param name="Subject">USUBJID.</param>
/// <param name="Drug">EXTRT (ANLOTINIB, PACLITAXEL or CISPLATIN).</param>
/// <param name="FromCycle">The first cycle (1-based, across phases) at the reduced dose.</param>
/// <param name="DecodedTerm">The AEDECOD of the event with AEACN = DOSE REDUCED.</param>
internal sealed record AdverseDoseReduction(string Subject, string Drug, int FromCycle, string DecodedTerm);

/// <summary>A drug (or the whole treatment) an adverse event stops for good (AEACN = DRUG WITHDRAWN).</summary>
/// <param name="Subject">USUBJID.</param>
/// <param name="Drug">EXTRT of the drug withdrawn, or null when the whole treatment stops (the subject's last dose is the course's <see cref="SubjectCourse.LastDoseDay"/>).</param>
/// <param name="FromCycle">The first cycle (1-based, across phases) without the drug.</param>
/// <param name="DecodedTerm">The AEDECOD of the event.</param>
internal sealed record AdverseWithdrawal(string Subject, string? Drug, int FromCycle, string DecodedTerm);

/// <summary>A drug held for one cycle because of an adverse event (AEACN = DRUG INTERRUPTED): the exposure builder leaves it out of that cycle.</summary>
/// <param name="Subject">USUBJID.</param>
/// <param name="Drug">EXTRT.</param>
/// <param name="Cycle">The cycle (1-based, across phases) without the drug.</param>
/// <param name="DecodedTerm">The AEDECOD of the event.</param>
internal sealed record AdverseInterruption(string Subject, string Drug, int Cycle, string DecodedTerm);

/// <summary>The adverse events, laboratory results and vital signs of the reference cohort, and what the events do to dosing.</summary>
/// <param name="AdverseEvents">Every AE record, by subject, then start day, then term.</param>
/// <param name="Labs">Every LB record, by subject, then day, then test.</param>
/// <param name="VitalSigns">Every VS record, by subject, then day, then test.</param>
/// <param name="DoseReductions">The dose reductions, by subject then cycle.</param>
/// <param name="Withdrawals">The withdrawals, by subject.</param>
/// <param name="Interruptions">The drugs held for a cycle, by subject then cycle.</param>
internal sealed record AdverseCohort(
    IReadOnlyList<AdverseEventRecord> AdverseEvents,
    IReadOnlyList<LabResult> Labs,
    IReadOnlyList<VitalSign> VitalSigns,
    IReadOnlyList<AdverseDoseReduction> DoseReductions,
    IReadOnlyList<AdverseWithdrawal> Withdrawals,
    IReadOnlyList<AdverseInterruption> Interruptions)
{
    /// <summary>A subject's dose reductions as <see cref="ExposureBuilder"/> takes them (<see cref="TreatmentCourse.Reductions"/>).</summary>
    public IReadOnlyList<DoseReduction> ReductionsOf(string subject) =>
        [.. DoseReductions.Where(r => r.Subject == subject).Select(r => new DoseReduction(r.Subject, r.Drug, r.FromCycle))];

    /// <summary>
    /// The (drug, cycle) pairs a subject's AEs leave out, as <see cref="ExposureBuilder"/> takes them
    /// (<see cref="TreatmentCourse.Omitted"/>): a withdrawn drug in every cycle from its withdrawal to <paramref name="cycles"/>,
    /// a held drug in its cycle. A withdrawal of the whole treatment leaves nothing out: the course already ends.
    /// </summary>
    public IReadOnlySet<(string Drug, int Cycle)> OmissionsOf(string subject, int cycles)
    {
        var omitted = new HashSet<(string Drug, int Cycle)>();
        foreach (var w in Withdrawals.Where(w => w.Subject == subject && w.Drug is not null))
        {
            for (int cycle = w.FromCycle; cycle <= cycles; cycle++)
            {
                omitted.Add((w.Drug!, cycle));
            }
        }

        foreach (var i in Interruptions.Where(i => i.Subject == subject && i.Cycle <= cycles))
        {
            omitted.Add((i.Drug, i.Cycle));
        }

        return omitted;
    }
}
