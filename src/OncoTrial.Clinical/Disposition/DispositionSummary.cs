using System.Globalization;
using OncoTrial.Clinical.Exposure;
using OncoTrial.Clinical.Study;

using OncoTrial.Statistics;

namespace OncoTrial.Clinical.Disposition;

/// <summary>Which subjects the efficacy analysis set holds.</summary>
public enum EfficacySetDefinition
{
    /// <summary>Subjects who received at least one dose (the paper's Methods: "patients who received ≥ 1 dose").</summary>
    Treated,

    /// <summary>Every enrolled subject (intention to treat).</summary>
    Enrolled,
}

/// <summary>Where the enrolment of each subject comes from.</summary>
public enum EnrolmentSource
{
    /// <summary>A DS protocol milestone: DSDECOD ENROLLED or RANDOMIZED (the study records them).</summary>
    DsMilestone,

    /// <summary>
    /// The study has no ENROLLED or RANDOMIZED record at all: a subject is enrolled when DM assigns an arm (ARMCD not
    /// empty, SCRNFAIL or NOTASSGN, ignoring case) or EX has a dose for them.
    /// </summary>
    DmArm,
}

/// <summary>Options of the disposition summary.</summary>
public sealed record DispositionOptions
{
    /// <summary>The defaults: efficacy set = treated subjects.</summary>
    public static DispositionOptions Default { get; } = new();

    /// <summary>Which subjects the efficacy set holds.</summary>
    public EfficacySetDefinition EfficacySet { get; init; } = EfficacySetDefinition.Treated;
}

/// <summary>One box of the CONSORT diagram: a count and the subjects behind it.</summary>
/// <param name="Label">The box's text.</param>
/// <param name="Subjects">USUBJID of each subject, in order.</param>
public sealed record DispositionBox(string Label, IReadOnlyList<string> Subjects)
{
    /// <summary>The number of subjects.</summary>
    public int Count => Subjects.Count;
}

/// <summary>One reason within a box (exclusion or discontinuation).</summary>
/// <param name="Code">DSDECOD.</param>
/// <param name="Label">The paper's wording (e.g. "Voluntary withdrawal" for WITHDRAWAL BY SUBJECT).</param>
/// <param name="Subjects">USUBJID of each subject.</param>
public sealed record DispositionReason(string Code, string Label, IReadOnlyList<string> Subjects)
{
    /// <summary>The number of subjects.</summary>
    public int Count => Subjects.Count;
}

/// <summary>
/// Every box of the paper's Figure 1 (CONSORT diagram), computed from DM, DS and EX, and the end-of-study disposition
/// of any study. See docs/methods/disposition.md for the path each subject takes and the records that place it.
/// </summary>
/// <param name="Options">The options.</param>
/// <param name="DataCutoff">TS DCUTDTC, or null.</param>
/// <param name="Screened">Every subject of DM.</param>
/// <param name="Excluded">Subjects not enrolled: with a screening disposition event (DSSCAT SCREENING or DSDECOD SCREEN FAILURE) and no enrolment, or, when enrolment comes from DM, without an arm or a dose.</param>
/// <param name="ExclusionReasons">Excluded subjects by reason.</param>
/// <param name="Enrolled">Subjects with DSDECOD ENROLLED or RANDOMIZED (or, in a study with neither, an arm in DM or a dose: <see cref="EnrolmentSource"/>).</param>
/// <param name="InitialDiscontinued">Enrolled subjects whose initial-therapy end record (DSSCAT INITIAL THERAPY) is not COMPLETED.</param>
/// <param name="InitialDiscontinuationReasons">By reason.</param>
/// <param name="InitialOngoing">Enrolled subjects still in initial therapy: no initial end record and no sign of maintenance (a study with treatment phases only).</param>
/// <param name="MaintenanceEntered">Enrolled subjects who did not discontinue initial therapy and have COMPLETED for it, a maintenance dose (EX EPOCH MAINTENANCE THERAPY) or a maintenance end record.</param>
/// <param name="MaintenanceDiscontinued">Maintenance subjects whose maintenance end record is neither COMPLETED nor ONGOING.</param>
/// <param name="MaintenanceDiscontinuationReasons">By reason.</param>
/// <param name="MaintenanceCompleted">Maintenance subjects whose maintenance end record is COMPLETED.</param>
/// <param name="OngoingAtCutoff">Maintenance subjects without a maintenance end record (or with ONGOING): treatment ongoing at the cutoff.</param>
/// <param name="SafetySet">Subjects with at least one exposure record in EX (<see cref="TreatmentExposure.IsExposure(double?, string?)"/>: a dose above 0, or a placebo).</param>
/// <param name="EfficacySet">Per <see cref="DispositionOptions.EfficacySet"/>.</param>
/// <param name="Problems">Subjects whose DS path is inconsistent, one warning each, located in the DS or EX file; notes on how the study was read.</param>
public sealed record DispositionSummary(
    DispositionOptions Options,
    DateOnly? DataCutoff,
    DispositionBox Screened,
    DispositionBox Excluded,
    IReadOnlyList<DispositionReason> ExclusionReasons,
    DispositionBox Enrolled,
    DispositionBox InitialDiscontinued,
    IReadOnlyList<DispositionReason> InitialDiscontinuationReasons,
    DispositionBox InitialOngoing,
    DispositionBox MaintenanceEntered,
    DispositionBox MaintenanceDiscontinued,
    IReadOnlyList<DispositionReason> MaintenanceDiscontinuationReasons,
    DispositionBox MaintenanceCompleted,
    DispositionBox OngoingAtCutoff,
    DispositionBox SafetySet,
    DispositionBox EfficacySet,
    IReadOnlyList<Problem> Problems)
{
    private const string Initial = "INITIAL THERAPY";
    private const string Maintenance = "MAINTENANCE THERAPY";
    private const string DispositionEvent = "DISPOSITION EVENT";

    /// <summary>Standard terms in the paper's order and wording; other terms keep their DSDECOD in sentence case.</summary>
    private static readonly (string Code, string Label)[] ReasonLabels =
    [
        ("SCREEN FAILURE", "Ineligibility"),
        ("WITHDRAWAL BY SUBJECT", "Voluntary withdrawal"),
        ("DEATH", "Death"),
        ("PROGRESSIVE DISEASE", "Disease progression"),
        ("ADVERSE EVENT", "Adverse events"),
        ("PROTOCOL DEVIATION", "Protocol deviation"),
        ("LOST TO FOLLOW-UP", "Loss of follow-up"),
        ("NON-COMPLIANCE WITH STUDY DRUG", "Poor compliance"),
        ("PHYSICIAN DECISION", "Investigator's decision"),
    ];

    /// <summary>The DSDECOD values of an enrolment milestone: ENROLLED and RANDOMIZED (CDISC CT C114118, protocol milestones).</summary>
    public static IReadOnlyList<string> EnrolmentMilestones { get; } = ["ENROLLED", "RANDOMIZED"];

    /// <summary>The DM ARMCD values of a subject who was never assigned an arm (SDTMIG 3.x: SCRNFAIL, NOTASSGN), compared ignoring case.</summary>
    public static IReadOnlyList<string> UnassignedArmCodes { get; } = ["SCRNFAIL", "NOTASSGN"];

    /// <summary>Where the enrolment came from: DS milestones, or DM arms and doses when the study has no milestone.</summary>
    public EnrolmentSource EnrolmentSource { get; init; } = EnrolmentSource.DsMilestone;

    /// <summary>
    /// Whether the study has treatment phases (a DS record with DSSCAT INITIAL THERAPY or MAINTENANCE THERAPY, or an
    /// exposure record with that EPOCH): the phase boxes apply only then.
    /// </summary>
    public bool HasTreatmentPhases { get; init; } = true;

    /// <summary>Enrolled subjects whose end-of-study disposition event (see <see cref="IsStudyLevel"/>) is COMPLETED.</summary>
    public DispositionBox StudyCompleted { get; init; } = new("Completed study", []);

    /// <summary>Enrolled subjects whose end-of-study disposition event is a reason other than COMPLETED (or ONGOING).</summary>
    public DispositionBox StudyDiscontinued { get; init; } = new("Discontinued study", []);

    /// <summary>The reasons of <see cref="StudyDiscontinued"/> (DSDECOD).</summary>
    public IReadOnlyList<DispositionReason> StudyDiscontinuationReasons { get; init; } = [];

    /// <summary>Enrolled subjects without an end-of-study disposition event (or with ONGOING).</summary>
    public DispositionBox StudyOngoing { get; init; } = new("No end-of-study record", []);

    /// <summary>Whether any enrolled subject has an end-of-study disposition event (then the study boxes are worth showing).</summary>
    public bool HasStudyDisposition => StudyCompleted.Count + StudyDiscontinued.Count > 0;

    /// <summary>The count of a reason by DSDECOD, 0 when absent.</summary>
    public static int CountOf(IReadOnlyList<DispositionReason> reasons, string code) =>
        reasons?.FirstOrDefault(r => r.Code == code)?.Count ?? 0;

    /// <summary>
    /// Whether a disposition event (DSCAT DISPOSITION EVENT, not a screening outcome) ends the study rather than a
    /// treatment phase: DSSCAT empty (DSSCAT is permissible; the CDISC pilot has none), STUDY, or another subcategory
    /// that names the study and not the treatment (e.g. STUDY COMPLETION/EARLY DISCONTINUATION).
    /// </summary>
    public static bool IsStudyLevel(string? subcategory)
    {
        string scat = subcategory?.Trim() ?? string.Empty;
        return scat.Length == 0
            || (scat.Contains("STUDY", StringComparison.OrdinalIgnoreCase) && !scat.Contains("TREATMENT", StringComparison.OrdinalIgnoreCase) && !scat.Contains("THERAPY", StringComparison.OrdinalIgnoreCase));
    }

    /// <summary>Computes the boxes from a loaded study folder. Never throws for bad content; problems say what does not fit.</summary>
    public static DispositionSummary Compute(StudyFolder study, DispositionOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(study);
        options ??= DispositionOptions.Default;
        var problems = new List<Problem>();
        var dm = study.Domain("DM");
        var ds = study.Domain("DS");
        var ex = study.Domain("EX");
        string dsFile = study.FileNameOf("DS");
        string exFile = study.FileNameOf("EX");
        string dmFile = study.FileNameOf("DM");

        var screened = dm is null ? [] : dm.Table.Records.Select(r => dm.Value(r, "USUBJID").Trim()).Where(s => s.Length > 0).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        var deathDates = new Dictionary<string, string>(StringComparer.Ordinal);
        var armCodes = new Dictionary<string, string>(StringComparer.Ordinal);
        if (dm is not null)
        {
            foreach (var r in dm.Table.Records)
            {
                string id = dm.Value(r, "USUBJID").Trim();
                armCodes.TryAdd(id, dm.Value(r, "ARMCD").Trim());
                if (dm.Value(r, "DTHFL") == "Y")
                {
                    deathDates[id] = dm.Value(r, "DTHDTC");
                }
            }
        }

        // Treated subjects by the one exposure rule; maintenance doses (first EX line kept for locating problems).
        var treated = TreatmentExposure.Derive(study);
        var maintenanceDose = new Dictionary<string, int>(StringComparer.Ordinal);
        bool phaseDoses = false;
        if (ex is not null)
        {
            foreach (var r in ex.Table.Records.Where(r => TreatmentExposure.IsExposure(ex, r)))
            {
                string epoch = ex.Value(r, "EPOCH").Trim();
                phaseDoses |= epoch is Initial or Maintenance;
                if (epoch == Maintenance)
                {
                    maintenanceDose.TryAdd(ex.Value(r, "USUBJID").Trim(), r.Line);
                }
            }
        }

        // The DS records of each subject.
        var records = new Dictionary<string, List<(string Decod, string Cat, string Scat, int Line)>>(StringComparer.Ordinal);
        if (ds is not null)
        {
            foreach (var r in ds.Table.Records)
            {
                string id = ds.Value(r, "USUBJID").Trim();
                if (!records.TryGetValue(id, out var list))
                {
                    records[id] = list = [];
                }

                list.Add((ds.Value(r, "DSDECOD").Trim(), ds.Value(r, "DSCAT").Trim(), ds.Value(r, "DSSCAT").Trim(), r.Line));
            }
        }

        var all = records.Values.SelectMany(x => x).ToList();
        var source = all.Any(x => EnrolmentMilestones.Contains(x.Decod)) ? EnrolmentSource.DsMilestone : EnrolmentSource.DmArm;
        bool phases = phaseDoses || all.Any(x => x.Scat is Initial or Maintenance);
        if (source == EnrolmentSource.DmArm && screened.Count > 0)
        {
            problems.Add(new Problem(
                dsFile, null, null, "DSDECOD", "DISPOSITION_ENROLMENT_INFERRED", "enrolment milestones (DSDECOD ENROLLED or RANDOMIZED)", ds is null ? "no DS domain" : "none",
                $"None needed: a subject is enrolled when {dmFile} assigns an arm (ARMCD not empty, SCRNFAIL or NOTASSGN) or {exFile} has a dose for them.", ProblemSeverity.Note));
        }

        void Report(string file, int? line, string id, string expected, string found, string fix) =>
            problems.Add(new Problem(file, line, null, "USUBJID", "DISPOSITION_PATH", expected, Problem.Quote(id) + ": " + found, fix, ProblemSeverity.Warning));

        var excluded = new List<(string Id, string Code, string Label)>();
        var enrolled = new List<string>();
        var initialStopped = new List<(string Id, string Code)>();
        var initialOngoing = new List<string>();
        var entered = new List<string>();
        var maintenanceStopped = new List<(string Id, string Code)>();
        var maintenanceCompleted = new List<string>();
        var ongoing = new List<string>();
        var studyCompleted = new List<string>();
        var studyStopped = new List<(string Id, string Code)>();
        var studyOngoing = new List<string>();
        string milestones = string.Join(" or ", EnrolmentMilestones);

        foreach (string id in screened)
        {
            var recs = records.TryGetValue(id, out var l) ? l : [];
            var events = recs.Where(x => x.Cat == DispositionEvent).ToList();
            var screening = events.FirstOrDefault(x => x.Scat == "SCREENING" || x.Decod == "SCREEN FAILURE");
            bool isExcluded = screening.Decod is not null;
            string armCode = armCodes.TryGetValue(id, out string? a) ? a : string.Empty;
            bool armAssigned = armCode.Length > 0 && !UnassignedArmCodes.Contains(armCode, StringComparer.OrdinalIgnoreCase);
            var enrolment = recs.FirstOrDefault(x => EnrolmentMilestones.Contains(x.Decod));
            bool isEnrolled = source == EnrolmentSource.DsMilestone ? enrolment.Decod is not null : armAssigned || treated.IsTreated(id);
            string enrolledBy = source == EnrolmentSource.DsMilestone ? enrolment.Decod ?? milestones : (armAssigned ? "ARMCD " + armCode : "a dose");
            var initialEnd = events.FirstOrDefault(x => x.Scat == Initial);
            var maintenanceEnd = events.FirstOrDefault(x => x.Scat == Maintenance);
            var studyEnds = events.Where(x => x.Decod != "SCREEN FAILURE" && x.Scat != "SCREENING" && IsStudyLevel(x.Scat)).ToList();

            if (isEnrolled && isExcluded)
            {
                Report(dsFile, screening.Line, id, "either a screening exclusion or an enrolment", "both (" + screening.Decod + " and " + enrolledBy + ")", "Remove the record that is wrong; the subject is counted as enrolled.");
            }
            else if (!isEnrolled && !isExcluded && source == EnrolmentSource.DsMilestone)
            {
                Report(dsFile, recs.Count > 0 ? recs[0].Line : null, id, $"a screening outcome: DSDECOD {milestones}, or a DSSCAT SCREENING disposition event (SCREEN FAILURE, WITHDRAWAL BY SUBJECT)", "neither", $"Add the subject's screening outcome to {dsFile}; the subject is counted as screened only.");
            }

            if (!isEnrolled)
            {
                if (isExcluded)
                {
                    string label = screening.Decod == "WITHDRAWAL BY SUBJECT" ? "Consent withdrawal" : Label(screening.Decod!);
                    excluded.Add((id, screening.Decod!, label));
                }
                else if (source == EnrolmentSource.DmArm)
                {
                    string code = armCode.Length == 0 ? string.Empty : armCode.ToUpperInvariant() switch { "SCRNFAIL" => "SCREEN FAILURE", "NOTASSGN" => "NOT ASSIGNED", var c => c };
                    excluded.Add((id, code, Label(code)));
                }

                if (treated.FirstLines.TryGetValue(id, out int exLine))
                {
                    Report(exFile, exLine, id, "doses only for enrolled subjects", $"a dose without an {milestones} record", $"Add the enrolment to {dsFile} or remove the dose.");
                }

                foreach (var phase in events.Where(x => x.Scat is Initial or Maintenance))
                {
                    Report(dsFile, phase.Line, id, "treatment-phase records only for enrolled subjects", "an end of " + phase.Scat + $" without an {milestones} record", "Add the enrolment or correct DSSCAT.");
                }

                continue;
            }

            enrolled.Add(id);
            var studyEnd = studyEnds.FirstOrDefault();
            if (studyEnds.Count > 1)
            {
                Report(dsFile, studyEnds[1].Line, id, "one end-of-study disposition event", string.Create(CultureInfo.InvariantCulture, $"{studyEnds.Count} ({string.Join(", ", studyEnds.Select(x => x.Decod))})"), $"Keep one; the first ({studyEnd.Decod}, line {studyEnd.Line.ToString(CultureInfo.InvariantCulture)}) is used.");
            }

            if (studyEnd.Decod is null || studyEnd.Decod == "ONGOING")
            {
                studyOngoing.Add(id);
            }
            else if (studyEnd.Decod == "COMPLETED")
            {
                studyCompleted.Add(id);
            }
            else
            {
                studyStopped.Add((id, studyEnd.Decod));
            }

            if (!phases)
            {
                continue;
            }

            bool stoppedInitial = initialEnd.Decod is not null && initialEnd.Decod != "COMPLETED" && initialEnd.Decod != "ONGOING";
            bool maintenanceEvidence = maintenanceDose.ContainsKey(id) || maintenanceEnd.Decod is not null || initialEnd.Decod == "COMPLETED";
            if (stoppedInitial)
            {
                initialStopped.Add((id, initialEnd.Decod!));
                if (maintenanceDose.TryGetValue(id, out int exLine))
                {
                    Report(exFile, exLine, id, "no maintenance dose after discontinuing initial therapy", "a maintenance dose after " + initialEnd.Decod + " (" + dsFile + " line " + initialEnd.Line.ToString(CultureInfo.InvariantCulture) + ")", "Correct the EX EPOCH or the initial-therapy end record.");
                }

                if (maintenanceEnd.Decod is not null)
                {
                    Report(dsFile, maintenanceEnd.Line, id, "no maintenance record after discontinuing initial therapy", "an end of maintenance after " + initialEnd.Decod + " on line " + initialEnd.Line.ToString(CultureInfo.InvariantCulture), "Remove the record, or record the initial phase as COMPLETED.");
                }

                continue;
            }

            if (!maintenanceEvidence)
            {
                initialOngoing.Add(id);
                WarnIfDead(id, "initial therapy");
                continue;
            }

            entered.Add(id);
            if (maintenanceEnd.Decod is null || maintenanceEnd.Decod == "ONGOING")
            {
                ongoing.Add(id);
                WarnIfDead(id, "maintenance therapy");
            }
            else if (maintenanceEnd.Decod == "COMPLETED")
            {
                maintenanceCompleted.Add(id);
            }
            else
            {
                maintenanceStopped.Add((id, maintenanceEnd.Decod));
            }

            void WarnIfDead(string subject, string phase)
            {
                if (deathDates.TryGetValue(subject, out string? date))
                {
                    var death = recs.FirstOrDefault(x => x.Decod == "DEATH");
                    Report(dsFile, death.Decod is null ? null : death.Line, subject, "an end-of-phase record for a subject who died", "death on " + date + " while " + phase + " has no end record", "Add the DSSCAT " + phase.ToUpperInvariant() + " disposition event (DSDECOD DEATH or the reason treatment stopped).");
                }
            }
        }

        var safety = treated.Subjects.ToList();
        DateOnly? cutoff = null;
        if (study.Domain("TS") is { } ts)
        {
            var rec = ts.Table.Records.FirstOrDefault(r => ts.Value(r, "TSPARMCD") == "DCUTDTC");
            if (rec is not null && PartialDate.TryParse(ts.Value(rec, "TSVAL"), out var d) && d.IsCompleteDate)
            {
                cutoff = d.Earliest;
            }
        }

        return new DispositionSummary(
            options,
            cutoff,
            new DispositionBox("Assessed for eligibility", screened),
            new DispositionBox("Excluded", [.. excluded.Select(x => x.Id)]),
            Reasons(excluded.Select(x => (x.Id, x.Code, x.Label))),
            new DispositionBox("Enrolled", enrolled),
            new DispositionBox("Discontinued initial therapy", [.. initialStopped.Select(x => x.Id)]),
            Reasons(initialStopped.Select(x => (x.Id, x.Code, Label(x.Code)))),
            new DispositionBox("Initial therapy ongoing at data cutoff", initialOngoing),
            new DispositionBox("Entered maintenance therapy", entered),
            new DispositionBox("Discontinued maintenance therapy", [.. maintenanceStopped.Select(x => x.Id)]),
            Reasons(maintenanceStopped.Select(x => (x.Id, x.Code, Label(x.Code)))),
            new DispositionBox("Completed maintenance therapy", maintenanceCompleted),
            new DispositionBox("Treatment ongoing at data cutoff", ongoing),
            new DispositionBox("Safety analysis set", safety),
            new DispositionBox("Efficacy analysis set", options.EfficacySet == EfficacySetDefinition.Treated ? safety : enrolled),
            problems.AsReadOnly())
        {
            EnrolmentSource = source,
            HasTreatmentPhases = phases,
            StudyCompleted = new DispositionBox("Completed study", studyCompleted),
            StudyDiscontinued = new DispositionBox("Discontinued study", [.. studyStopped.Select(x => x.Id)]),
            StudyDiscontinuationReasons = Reasons(studyStopped.Select(x => (x.Id, x.Code, Label(x.Code)))),
            StudyOngoing = new DispositionBox("No end-of-study record", studyOngoing),
        };
    }

    /// <summary>The paper's wording for a DSDECOD; other terms in sentence case.</summary>
    public static string Label(string code)
    {
        ArgumentNullException.ThrowIfNull(code);
        foreach (var (c, label) in ReasonLabels)
        {
            if (c == code)
            {
                return label;
            }
        }

        return code.Length == 0 ? "Not recorded" : code[..1].ToUpperInvariant() + code[1..].ToLowerInvariant();
    }

    private static List<DispositionReason> Reasons(IEnumerable<(string Id, string Code, string Label)> subjects) =>
        subjects
            .GroupBy(x => (x.Code, x.Label))
            .Select(g => new DispositionReason(g.Key.Code, g.Key.Label, [.. g.Select(x => x.Id)]))
            .OrderByDescending(r => r.Count)
            .ThenBy(r => Order(r.Code))
            .ThenBy(r => r.Label, StringComparer.Ordinal)
            .ToList();

    private static int Order(string code)
    {
        int i = Array.FindIndex(ReasonLabels, x => x.Code == code);
        return i < 0 ? ReasonLabels.Length : i;
    }
}
