using System.Globalization;
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
/// Every box of the paper's Figure 1 (CONSORT diagram), computed from DM, DS and EX. See docs/methods/disposition.md for
/// the path each subject takes and the records that place it.
/// </summary>
/// <param name="Options">The options.</param>
/// <param name="DataCutoff">TS DCUTDTC, or null.</param>
/// <param name="Screened">Every subject of DM.</param>
/// <param name="Excluded">Subjects with a screening disposition event (DSSCAT SCREENING or DSDECOD SCREEN FAILURE) and no enrolment.</param>
/// <param name="ExclusionReasons">Excluded subjects by reason.</param>
/// <param name="Enrolled">Subjects with DSDECOD ENROLLED.</param>
/// <param name="InitialDiscontinued">Enrolled subjects whose initial-therapy end record (DSSCAT INITIAL THERAPY) is not COMPLETED.</param>
/// <param name="InitialDiscontinuationReasons">By reason.</param>
/// <param name="InitialOngoing">Enrolled subjects still in initial therapy: no initial end record and no sign of maintenance.</param>
/// <param name="MaintenanceEntered">Enrolled subjects who did not discontinue initial therapy and have COMPLETED for it, a maintenance dose (EX EPOCH MAINTENANCE THERAPY) or a maintenance end record.</param>
/// <param name="MaintenanceDiscontinued">Maintenance subjects whose maintenance end record is neither COMPLETED nor ONGOING.</param>
/// <param name="MaintenanceDiscontinuationReasons">By reason.</param>
/// <param name="MaintenanceCompleted">Maintenance subjects whose maintenance end record is COMPLETED.</param>
/// <param name="OngoingAtCutoff">Maintenance subjects without a maintenance end record (or with ONGOING): treatment ongoing at the cutoff.</param>
/// <param name="SafetySet">Subjects with at least one dose above 0 in EX.</param>
/// <param name="EfficacySet">Per <see cref="DispositionOptions.EfficacySet"/>.</param>
/// <param name="Problems">Subjects whose DS path is inconsistent, one problem each, located in ds.csv or ex.csv.</param>
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

    /// <summary>The count of a reason by DSDECOD, 0 when absent.</summary>
    public static int CountOf(IReadOnlyList<DispositionReason> reasons, string code) =>
        reasons?.FirstOrDefault(r => r.Code == code)?.Count ?? 0;

    /// <summary>Computes the boxes from a loaded study folder. Never throws for bad content; problems say what does not fit.</summary>
    public static DispositionSummary Compute(StudyFolder study, DispositionOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(study);
        options ??= DispositionOptions.Default;
        var problems = new List<Problem>();
        var dm = study.Domain("DM");
        var ds = study.Domain("DS");
        var ex = study.Domain("EX");

        var screened = dm is null ? [] : dm.Table.Records.Select(r => dm.Value(r, "USUBJID")).Where(s => s.Length > 0).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        var deathDates = new Dictionary<string, string>(StringComparer.Ordinal);
        if (dm is not null)
        {
            foreach (var r in dm.Table.Records.Where(r => dm.Value(r, "DTHFL") == "Y"))
            {
                deathDates[dm.Value(r, "USUBJID")] = dm.Value(r, "DTHDTC");
            }
        }

        // Doses and maintenance doses per subject (first EX line kept for locating problems).
        var treated = new Dictionary<string, int>(StringComparer.Ordinal);
        var maintenanceDose = new Dictionary<string, int>(StringComparer.Ordinal);
        if (ex is not null)
        {
            foreach (var r in ex.Table.Records)
            {
                string id = ex.Value(r, "USUBJID");
                if (double.TryParse(ex.Value(r, "EXDOSE"), NumberStyles.Float, CultureInfo.InvariantCulture, out double dose) && dose <= 0)
                {
                    continue;
                }

                treated.TryAdd(id, r.Line);
                if (ex.Value(r, "EPOCH") == Maintenance)
                {
                    maintenanceDose.TryAdd(id, r.Line);
                }
            }
        }

        // The DS records of each subject.
        var records = new Dictionary<string, List<(string Decod, string Cat, string Scat, int Line)>>(StringComparer.Ordinal);
        if (ds is not null)
        {
            foreach (var r in ds.Table.Records)
            {
                string id = ds.Value(r, "USUBJID");
                if (!records.TryGetValue(id, out var list))
                {
                    records[id] = list = [];
                }

                list.Add((ds.Value(r, "DSDECOD"), ds.Value(r, "DSCAT"), ds.Value(r, "DSSCAT"), r.Line));
            }
        }

        string dsFile = ds?.FileName ?? "ds.csv";
        string exFile = ex?.FileName ?? "ex.csv";
        void Report(string file, int? line, string id, string code, string expected, string found, string fix) =>
            problems.Add(new Problem(file, line, null, "USUBJID", code, expected, Problem.Quote(id) + ": " + found, fix));

        var excluded = new List<(string Id, string Code, string Label)>();
        var enrolled = new List<string>();
        var initialStopped = new List<(string Id, string Code)>();
        var initialOngoing = new List<string>();
        var entered = new List<string>();
        var maintenanceStopped = new List<(string Id, string Code)>();
        var maintenanceCompleted = new List<string>();
        var ongoing = new List<string>();

        foreach (string id in screened)
        {
            var recs = records.TryGetValue(id, out var l) ? l : [];
            var events = recs.Where(x => x.Cat == "DISPOSITION EVENT").ToList();
            var screening = events.FirstOrDefault(x => x.Scat == "SCREENING" || x.Decod == "SCREEN FAILURE");
            var enrolment = recs.FirstOrDefault(x => x.Decod == "ENROLLED");
            bool isEnrolled = enrolment.Decod is not null;
            bool isExcluded = screening.Decod is not null;
            var initialEnd = events.FirstOrDefault(x => x.Scat == Initial);
            var maintenanceEnd = events.FirstOrDefault(x => x.Scat == Maintenance);

            if (isEnrolled && isExcluded)
            {
                Report(dsFile, screening.Line, id, "DISPOSITION_PATH", "either a screening exclusion or an enrolment", "both (" + screening.Decod + " and ENROLLED)", "Remove the record that is wrong; the subject is counted as enrolled.");
            }
            else if (!isEnrolled && !isExcluded)
            {
                Report(dsFile, recs.Count > 0 ? recs[0].Line : null, id, "DISPOSITION_PATH", "a screening outcome: DSDECOD ENROLLED, or a DSSCAT SCREENING disposition event (SCREEN FAILURE, WITHDRAWAL BY SUBJECT)", "neither", "Add the subject's screening outcome to ds.csv; the subject is counted as screened only.");
            }

            if (!isEnrolled)
            {
                if (isExcluded)
                {
                    string label = screening.Decod == "WITHDRAWAL BY SUBJECT" ? "Consent withdrawal" : Label(screening.Decod!);
                    excluded.Add((id, screening.Decod!, label));
                }

                if (treated.TryGetValue(id, out int exLine))
                {
                    Report(exFile, exLine, id, "DISPOSITION_PATH", "doses only for enrolled subjects", "a dose without an ENROLLED record", "Add the enrolment to ds.csv or remove the dose.");
                }

                foreach (var phase in events.Where(x => x.Scat is Initial or Maintenance))
                {
                    Report(dsFile, phase.Line, id, "DISPOSITION_PATH", "treatment-phase records only for enrolled subjects", "an end of " + phase.Scat + " without an ENROLLED record", "Add the enrolment or correct DSSCAT.");
                }

                continue;
            }

            enrolled.Add(id);
            bool stoppedInitial = initialEnd.Decod is not null && initialEnd.Decod != "COMPLETED" && initialEnd.Decod != "ONGOING";
            bool maintenanceEvidence = maintenanceDose.ContainsKey(id) || maintenanceEnd.Decod is not null || initialEnd.Decod == "COMPLETED";
            if (stoppedInitial)
            {
                initialStopped.Add((id, initialEnd.Decod!));
                if (maintenanceDose.TryGetValue(id, out int exLine))
                {
                    Report(exFile, exLine, id, "DISPOSITION_PATH", "no maintenance dose after discontinuing initial therapy", "a maintenance dose after " + initialEnd.Decod + " (ds.csv line " + initialEnd.Line.ToString(CultureInfo.InvariantCulture) + ")", "Correct the EX EPOCH or the initial-therapy end record.");
                }

                if (maintenanceEnd.Decod is not null)
                {
                    Report(dsFile, maintenanceEnd.Line, id, "DISPOSITION_PATH", "no maintenance record after discontinuing initial therapy", "an end of maintenance after " + initialEnd.Decod + " on line " + initialEnd.Line.ToString(CultureInfo.InvariantCulture), "Remove the record, or record the initial phase as COMPLETED.");
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
                    Report(dsFile, death.Decod is null ? null : death.Line, subject, "DISPOSITION_PATH", "an end-of-phase record for a subject who died", "death on " + date + " while " + phase + " has no end record", "Add the DSSCAT " + phase.ToUpperInvariant() + " disposition event (DSDECOD DEATH or the reason treatment stopped).");
                }
            }
        }

        var safety = treated.Keys.Order(StringComparer.Ordinal).ToList();
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
            problems.AsReadOnly());
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
