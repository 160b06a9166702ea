using System.Globalization;
using System.Text;
using OncoTrial.Clinical.Adam;
using OncoTrial.Clinical.Data;
using OncoTrial.Clinical.Safety;
using OncoTrial.Clinical.Study;

namespace OncoTrial.Clinical.Tests.Safety;

/// <summary>Why one AE record is treatment-emergent on one side and not on the other.</summary>
internal enum FlagDifference
{
    /// <summary>AESTDTC is missing: a missing start is treatment-emergent here (PHUSE WP-087, admiral), not in the pilot.</summary>
    MissingStart,

    /// <summary>The onset is after the last dose + 30 days: not emergent in the 30-day window, emergent in the pilot's open window.</summary>
    AfterWindow,

    /// <summary>AESTDTC is a partial date: here the span is compared with the window, the pilot compares its imputed ASTDT.</summary>
    PartialStart,

    /// <summary>Our first dose (TRTSDT from EX) differs from the pilot's ADSL TRTSDT.</summary>
    FirstDoseDiffers,

    /// <summary>No class found: the test fails.</summary>
    Unexplained,
}

/// <summary>One AE record of the pilot, flagged both ways.</summary>
internal sealed record PilotAeRecord(
    string Subject, int Sequence, string Arm, string Term, string? Start, bool Ours, bool OursOpen, bool Pilot, DateOnly? OurFirstDose, DateOnly? PilotFirstDose, DateOnly? OurLastDose, DateOnly? PilotStart)
{
    /// <summary>Whether the pilot's flag is ASTDT >= TRTSDT (its rule, with no upper bound).</summary>
    public bool PilotFollowsOpenRule => Pilot == (PilotStart is { } a && PilotFirstDose is { } t && a >= t);

    public FlagDifference Why =>
        Start is null or "" ? FlagDifference.MissingStart
        : OursOpen == Pilot && Ours != Pilot ? FlagDifference.AfterWindow
        : Start.Length < 10 ? FlagDifference.PartialStart
        : OurFirstDose != PilotFirstDose ? FlagDifference.FirstDoseDiffers
        : FlagDifference.Unexplained;
}

/// <summary>One cell of the TEAE table by arm and term: subjects counted here (30-day window and open window) and in the pilot.</summary>
internal sealed record PilotTeaeCell(string Arm, string Term, IReadOnlyList<string> Ours, IReadOnlyList<string> OursOpen, IReadOnlyList<string> Pilot)
{
    public bool Agrees => Ours.SequenceEqual(Pilot, StringComparer.Ordinal);

    public bool AgreesOpen => OursOpen.SequenceEqual(Pilot, StringComparer.Ordinal);
}

/// <summary>Everything the comparison found.</summary>
internal sealed record PilotSafetyResult(
    AeSummary Summary,
    AeSummary OpenSummary,
    IReadOnlyList<AdslRecord> Adsl,
    IReadOnlyDictionary<string, (string Saffl, DateOnly? Start, DateOnly? End, string Arm, string EndOfStudy)> PilotAdsl,
    IReadOnlyList<PilotAeRecord> Records,
    IReadOnlyList<PilotTeaeCell> Cells);

/// <summary>
/// Runs OncoTrial's safety derivations on the CDISC pilot SDTM (dm, ae, ex, ds as shipped) and compares them with the
/// pilot's own ADaM (adam-adsl.xpt SAFFL, TRTSDT, TRTEDT; adam-adae.xpt TRTEMFL by TRTA and AEDECOD). Also renders
/// docs/validation/cdiscpilot-safety.md, so the document is regenerated, never edited by hand.
/// </summary>
internal static class PilotSafetyComparison
{
    public static PilotSafetyResult Compare()
    {
        using var source = FileSource.FromMemory(PublicSdtm.Pilot, PublicSdtm.Files(PublicSdtm.Pilot));
        var study = StudyFolder.Load(source);
        var data = SafetyData.Read(study);
        var summary = AeSummary.Compute(data, SafetyOptions.Default);
        var openOptions = SafetyOptions.Default with { WindowEnd = TeaeWindowEnd.Open };
        var open = AeSummary.Compute(data, openOptions);
        var adsl = AdslWriter.DeriveRecords(study).Records;

        var pilotAdsl = DatasetFiles.Read(PublicSdtm.PilotAdam("adsl"));
        string? S(Dataset d, string c, int i) => d.Find(c)!.GetString(i);
        DateOnly? D(Dataset d, string c, int i) => d.Find(c)!.GetNumber(i) is { } n ? SasDates.ToDate(n) : null;
        var pilotSubjects = Enumerable.Range(0, pilotAdsl.RowCount).ToDictionary(
            i => S(pilotAdsl, "USUBJID", i)!, i => (S(pilotAdsl, "SAFFL", i) ?? string.Empty, D(pilotAdsl, "TRTSDT", i), D(pilotAdsl, "TRTEDT", i), S(pilotAdsl, "TRT01A", i) ?? string.Empty, S(pilotAdsl, "DCDECOD", i) ?? string.Empty), StringComparer.Ordinal);

        var adae = DatasetFiles.Read(PublicSdtm.PilotAdam("adae"));
        var ours = summary.Events.ToDictionary(e => (e.Event.Subject, e.Event.Sequence));
        var oursOpen = open.Events.ToDictionary(e => (e.Event.Subject, e.Event.Sequence));
        var records = new List<PilotAeRecord>();
        for (int i = 0; i < adae.RowCount; i++)
        {
            string id = S(adae, "USUBJID", i)!;
            int seq = (int)adae.Find("AESEQ")!.GetNumber(i)!.Value;
            var e = ours.TryGetValue((id, seq), out var x) ? x : null;
            data.Exposures.TryGetValue(id, out var exposure);
            records.Add(new PilotAeRecord(
                id, seq, S(adae, "TRTA", i) ?? string.Empty, S(adae, "AEDECOD", i) ?? string.Empty, e?.Event.Start?.ToString(),
                e?.IsTreatmentEmergent ?? false, oursOpen.TryGetValue((id, seq), out var o) && o.IsTreatmentEmergent, S(adae, "TRTEMFL", i) == "Y",
                exposure?.FirstDose, D(adae, "TRTSDT", i), exposure?.LastDose, D(adae, "ASTDT", i)));
        }

        var cells = new List<PilotTeaeCell>();
        var armNames = summary.Arms.Select(a => a.Name).Union(records.Select(r => r.Arm), StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        foreach (string arm in armNames)
        {
            var a = summary.Arms.FirstOrDefault(x => x.Name == arm);
            var b = open.Arms.FirstOrDefault(x => x.Name == arm);
            var terms = (a?.AllCause.Terms.Select(t => t.Label) ?? []).Union(b?.AllCause.Terms.Select(t => t.Label) ?? [], StringComparer.Ordinal)
                .Union(records.Where(r => r.Arm == arm && r.Pilot).Select(r => r.Term), StringComparer.Ordinal).Order(StringComparer.Ordinal);
            foreach (string term in terms)
            {
                cells.Add(new PilotTeaeCell(
                    arm, term,
                    a?.AllCause.Term(term).AnyGrade.Subjects ?? [],
                    b?.AllCause.Term(term).AnyGrade.Subjects ?? [],
                    [.. records.Where(r => r.Arm == arm && r.Term == term && r.Pilot).Select(r => r.Subject).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)]));
            }
        }

        return new PilotSafetyResult(summary, open, adsl, pilotSubjects, records, cells);
    }

    /// <summary>The records behind a differing cell: those flagged on one side only, for the cell's subjects that differ.</summary>
    public static IReadOnlyList<PilotAeRecord> Behind(PilotSafetyResult result, PilotTeaeCell cell, bool open)
    {
        var ours = (open ? cell.OursOpen : cell.Ours).ToHashSet(StringComparer.Ordinal);
        var pilot = cell.Pilot.ToHashSet(StringComparer.Ordinal);
        var differing = ours.Except(pilot).Union(pilot.Except(ours)).ToHashSet(StringComparer.Ordinal);
        return [.. result.Records.Where(r => r.Arm == cell.Arm && r.Term == cell.Term && differing.Contains(r.Subject) && (open ? r.OursOpen : r.Ours) != r.Pilot)];
    }

    public static string RenderMarkdown(PilotSafetyResult r, IReadOnlyDictionary<FlagDifference, string> explanations, string treatmentDatesFinding)
    {
        static string I(FormattableString f) => f.ToString(CultureInfo.InvariantCulture);
        static string Date(DateOnly? d) => d?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "–";
        var sb = new StringBuilder();
        sb.Append("# Safety on the CDISC pilot: OncoTrial vs the pilot's own ADaM\n\n");
        sb.Append("Generated by `tests/OncoTrial.Clinical.Tests/Safety/PilotSafetyTests.cs` (test `Validation_document_is_current`);\n");
        sb.Append("do not edit by hand. When the derivation or the explanations change, the test writes\n");
        sb.Append("`cdiscpilot-safety.received.md` beside this file: review it and rename it over this one.\n\n");
        sb.Append("**Data.** The CDISC SDTM/ADaM pilot (CDISCPILOT01) as shipped in `../shared/data/cdiscpilot01/`: `sdtm-dm.xpt`,\n");
        sb.Append("`sdtm-ae.xpt`, `sdtm-ex.xpt`, `sdtm-ds.xpt` read as `dm.xpt`, `ae.xpt`, `ex.xpt`, `ds.xpt` (no edits), against the pilot's\n");
        sb.Append("`adam-adsl.xpt` and `adam-adae.xpt`. Options: `SafetyOptions.Default` (TEAE window last dose + 30 days, arms by DM\n");
        sb.Append("ARM, the default causality table), and the same with `WindowEnd = Open` (no upper bound, the pilot's rule).\n\n");

        // (a) SAFFL
        var ourSafety = r.Adsl.Where(a => a.IsSafety).Select(a => a.Subject).ToHashSet(StringComparer.Ordinal);
        var pilotSafety = r.PilotAdsl.Where(p => p.Value.Saffl == "Y").Select(p => p.Key).ToHashSet(StringComparer.Ordinal);
        int both = ourSafety.Intersect(pilotSafety).Count();
        sb.Append("## (a) Safety population: ADSL SAFFL\n\n");
        sb.Append("| | OncoTrial ADSL | pilot adam-adsl.xpt |\n|---|---:|---:|\n");
        sb.Append(I($"| records | {r.Adsl.Count} | {r.PilotAdsl.Count} |\n"));
        sb.Append(I($"| SAFFL = Y | {ourSafety.Count} | {pilotSafety.Count} |\n"));
        sb.Append(I($"| SAFFL = N | {r.Adsl.Count(a => !a.IsSafety)} | {r.PilotAdsl.Count(p => p.Value.Saffl != "Y")} |\n"));
        sb.Append(I($"| SAFFL = Y on both sides | {both} | {both} |\n\n"));
        var extra = r.Adsl.Where(a => !r.PilotAdsl.ContainsKey(a.Subject)).ToList();
        sb.Append(I($"Every SAFFL = Y subject of the pilot is SAFFL = Y here and the reverse ({(ourSafety.SetEquals(pilotSafety) ? "the two sets are equal" : "**the sets differ**")}). "));
        sb.Append(I($"Our ADSL has {extra.Count} more records: the subjects of DM that the pilot's ADSL leaves out, "));
        sb.Append(I($"all with ARMCD {string.Join(", ", extra.Select(a => a.ArmCode).Distinct(StringComparer.Ordinal))} and SAFFL = N "));
        sb.Append("(admiral's ADSL template keeps every DM subject; the pilot's ADSL, written before it, holds the randomised subjects only). ");
        sb.Append(I($"The placebo subjects (EXDOSE 0, EXTRT PLACEBO) are dosed: {r.Adsl.Count(a => a.IsSafety && a.Arm == "Placebo")} placebo subjects have SAFFL = Y.\n\n"));

        int startSame = r.Adsl.Count(a => r.PilotAdsl.TryGetValue(a.Subject, out var p) && p.Start == a.FirstDose);
        int endSame = r.Adsl.Count(a => r.PilotAdsl.TryGetValue(a.Subject, out var p) && p.End == a.LastDose);
        sb.Append(I($"TRTSDT agrees for {startSame} of {r.PilotAdsl.Count} subjects, TRTEDT for {endSame} of {r.PilotAdsl.Count}. "));
        var endDiffers = r.Adsl.Where(a => r.PilotAdsl.TryGetValue(a.Subject, out var p) && p.End != a.LastDose).ToList();
        if (endDiffers.Count > 0)
        {
            sb.Append("TRTEDT differs for:\n\n| Subject | OncoTrial TRTEDT | pilot TRTEDT |\n|---|---|---|\n");
            foreach (var a in endDiffers)
            {
                sb.Append(I($"| {a.Subject} | {Date(a.LastDose)} | {Date(r.PilotAdsl[a.Subject].End)} |\n"));
            }

            sb.Append('\n').Append(treatmentDatesFinding).Append("\n\n");
        }
        else
        {
            sb.Append('\n');
        }

        // End of study
        sb.Append("### End of study: our EOSSTT / DCSREAS against the pilot's DCDECOD\n\n");
        sb.Append("The pilot's DS has no ENROLLED or RANDOMIZED record and no DSSCAT, so enrolment is read from DM (ARMCD not\n");
        sb.Append("`Scrnfail`) and the end of study from the DS disposition events without DSSCAT (`docs/methods/disposition.md`).\n\n");
        sb.Append("| pilot DCDECOD | subjects | our EOSSTT / DCSREAS the same |\n|---|---:|---:|\n");
        foreach (var g in r.PilotAdsl.GroupBy(p => p.Value.EndOfStudy).OrderByDescending(g => g.Count()).ThenBy(g => g.Key, StringComparer.Ordinal))
        {
            int same = g.Count(p => SameEnd(r.Adsl.First(a => a.Subject == p.Key), p.Value.EndOfStudy));
            sb.Append(I($"| {g.Key} | {g.Count()} | {same} |\n"));
        }

        sb.Append('\n');

        // (b) TEAE by arm and term
        sb.Append("## (b) Treatment-emergent AEs by arm and term\n\n");
        sb.Append("Subjects with at least one TEAE of the term (AEDECOD), by arm: ours from `AeSummary.Arms` (DM ARM), the pilot's as the\n");
        sb.Append("distinct USUBJID of adam-adae.xpt records with TRTEMFL = Y, by TRTA. The pilot's ADSL sets TRT01A = TRT01P = ARM, so\n");
        var switched = r.Adsl.Where(a => a.IsSafety && a.Arm != a.ActualArm).ToList();
        sb.Append(I($"its TRTA is the planned arm: the {switched.Count} subjects whose DM ACTARM differs from ARM ("));
        sb.Append(string.Join("; ", switched.Select(a => a.Arm + " planned, " + a.ActualArm + " received").Distinct(StringComparer.Ordinal)));
        sb.Append(") are counted under their planned arm on both sides, which is why DM ARM is the default arm variable\n");
        sb.Append(I($"(`TreatmentArmVariable.Planned`). The pilot's TRTEMFL is ASTDT >= TRTSDT with no upper bound: {r.Records.Count(x => x.PilotFollowsOpenRule)} of {r.Records.Count} records of adam-adae.xpt follow that rule.\n\n"));
        sb.Append("| Arm | N ours | N pilot (ADSL TRT01A) | any TEAE, window 30 d | any TEAE, open window | any TEAE, pilot |\n|---|---:|---:|---:|---:|---:|\n");
        foreach (var arm in r.Summary.Arms)
        {
            var openArm = r.OpenSummary.Arms.First(a => a.Name == arm.Name);
            int pilotN = r.PilotAdsl.Count(p => p.Value.Arm == arm.Name && p.Value.Saffl == "Y");
            int pilotAny = r.Records.Where(x => x.Arm == arm.Name && x.Pilot).Select(x => x.Subject).Distinct(StringComparer.Ordinal).Count();
            sb.Append(I($"| {arm.Name} | {arm.N} | {pilotN} | {arm.AllCause.Any.AnyGrade.Count} | {openArm.AllCause.Any.AnyGrade.Count} | {pilotAny} |\n"));
        }

        int pilotAll = r.Records.Where(x => x.Pilot).Select(x => x.Subject).Distinct(StringComparer.Ordinal).Count();
        sb.Append(I($"| Total | {r.Summary.N} | {r.PilotAdsl.Count(p => p.Value.Saffl == "Y")} | {r.Summary.AllCause.Any.AnyGrade.Count} | {r.OpenSummary.AllCause.Any.AnyGrade.Count} | {pilotAll} |\n\n"));

        var differ = r.Cells.Where(c => !c.Agrees || !c.AgreesOpen).ToList();
        sb.Append(I($"**Agreement: {r.Cells.Count(c => c.Agrees)} of {r.Cells.Count} arm x term cells with the 30-day window, "));
        sb.Append(I($"{r.Cells.Count(c => c.AgreesOpen)} of {r.Cells.Count} with the open window.** "));
        var flagged = r.Records.Count(x => x.Ours != x.Pilot);
        var flaggedOpen = r.Records.Count(x => x.OursOpen != x.Pilot);
        sb.Append(I($"Record by record, TRTEMFL differs on {flagged} of {r.Records.Count} AE records with the 30-day window and on {flaggedOpen} with the open window.\n\n"));

        sb.Append("### Cells that differ\n\n");
        sb.Append("| Arm | AEDECOD | window 30 d | open window | pilot | records behind the difference (subject, AESEQ, AESTDTC: ours 30 d / open / pilot) |\n|---|---|---:|---:|---:|---|\n");
        foreach (var c in differ)
        {
            var behind = Behind(r, c, open: false).Concat(Behind(r, c, open: true)).Distinct().OrderBy(x => x.Subject, StringComparer.Ordinal).ThenBy(x => x.Sequence);
            string list = string.Join("; ", behind.Select(x => I($"{x.Subject} #{x.Sequence} {x.Start ?? "(missing)"}: {Yn(x.Ours)}/{Yn(x.OursOpen)}/{Yn(x.Pilot)} ({Vocabulary(x.Why)})")));
            sb.Append(I($"| {c.Arm} | {c.Term} | {c.Ours.Count} | {c.OursOpen.Count} | {c.Pilot.Count} | {list} |\n"));
        }

        sb.Append("\n### Every record flagged differently, by class\n\n");
        foreach (var group in r.Records.Where(x => x.Ours != x.Pilot || x.OursOpen != x.Pilot).GroupBy(x => x.Why).OrderBy(g => g.Key))
        {
            sb.Append(I($"**{Vocabulary(group.Key)}** ({group.Count()} records): "));
            sb.Append(explanations.TryGetValue(group.Key, out var text) ? text : "(no explanation written yet)").Append("\n\n");
            sb.Append("| Subject | AESEQ | Arm | AEDECOD | AESTDTC | first dose | last dose | ours 30 d | ours open | pilot |\n|---|---:|---|---|---|---|---|---|---|---|\n");
            foreach (var x in group.OrderBy(x => x.Subject, StringComparer.Ordinal).ThenBy(x => x.Sequence))
            {
                sb.Append(I($"| {x.Subject} | {x.Sequence} | {x.Arm} | {x.Term} | {x.Start ?? "(missing)"} | {Date(x.OurFirstDose)} | {Date(x.OurLastDose)} | {Yn(x.Ours)} | {Yn(x.OursOpen)} | {Yn(x.Pilot)} |\n"));
            }

            sb.Append('\n');
        }

        sb.Append("## Causality and severity\n\n");
        sb.Append("AEREL values met and how the default causality table counts them (docs/decisions/0011-safety-on-any-study.md):\n\n");
        sb.Append("| AEREL | records | counted as |\n|---|---:|---|\n");
        foreach (var v in r.Summary.CausalityValues)
        {
            sb.Append(I($"| {v.Value} | {v.Records} | {(v.Related is { } rel ? rel ? "related" : "not related" : "unknown (missing)")} |\n"));
        }

        sb.Append(I($"\nThe pilot has no AETOXGR, so intensity is AESEV ({r.Summary.Scale}): subjects with a treatment-related TEAE (30-day window) {r.Summary.Related.Any.AnyGrade.Count}, "));
        sb.Append(I($"with a severe TEAE {r.Summary.AllCause.Any.Grade3OrWorse.Count}, with a severe treatment-related TEAE {r.Summary.Related.Any.Grade3OrWorse.Count}.\n"));
        return sb.ToString();
    }

    private static string Yn(bool value) => value ? "Y" : "N";

    /// <summary>Whether our ADSL end of study says what the pilot's DCDECOD says (COMPLETED, or DISCONTINUED for that reason).</summary>
    public static bool SameEnd(AdslRecord ours, string pilotDcdecod) =>
        pilotDcdecod == "COMPLETED"
            ? ours.EndOfStudy == EndOfStudyStatus.Completed
            : ours.EndOfStudy == EndOfStudyStatus.Discontinued && ours.DiscontinuationReason == pilotDcdecod;

    private static string Vocabulary(FlagDifference why) => OncoTrial.Statistics.Vocabulary.Token(why);
}
