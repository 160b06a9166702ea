namespace OncoTrial.Clinical.Tests.Safety;

/// <summary>Tier C: safety on the CDISC pilot SDTM (as shipped) against the pilot's own ADaM: ADSL SAFFL and ADAE TRTEMFL by arm and term.</summary>
public class PilotSafetyTests(ITestOutputHelper output)
{
    /// <summary>
    /// Why a record is flagged differently, by class, from looking at the records: every class met must have one (the
    /// test fails otherwise). Rendered into docs/validation/cdiscpilot-safety.md.
    /// </summary>
    private static readonly Dictionary<FlagDifference, string> Explanations = new()
    {
        [FlagDifference.AfterWindow] = "the onset is more than 30 days after our last dose, so the default window (last dose + 30 days, the protocol convention of `SafetyOptions.TreatmentEmergentWindowDays`) leaves it out, while the pilot's TRTEMFL has no upper bound (ASTDT >= TRTSDT). With `WindowEnd = Open` (admiral `derive_var_trtemfl()` without `end_window`) the records agree. Our last dose for this subject is also earlier than the pilot's TRTEDT: its last EX record (XANOMELINE 81 mg from 2013-12-31) has no EXENDTC, so TRTEDT is that record's EXSTDTC, while the pilot sets TRTEDT to the end of study (DM RFENDTC 2014-06-02); see (a).",
        [FlagDifference.MissingStart] = "AESTDTC is missing: OncoTrial (and admiral's `derive_var_trtemfl()`, after PHUSE WP-087) treats a missing start as treatment-emergent unless the AE ended before the first dose; the pilot's TRTEMFL needs an ASTDT.",
        [FlagDifference.PartialStart] = "AESTDTC is partial: OncoTrial flags the AE when any day of the span is in the window; the pilot imputes the first day of the month (ASTDTF = D) and compares that day.",
        [FlagDifference.FirstDoseDiffers] = "our first dose (earliest EXSTDTC of an exposure record) differs from the pilot's ADSL TRTSDT.",
    };

    private const string TreatmentDatesFinding =
        "In each of these subjects the last EX record has no EXENDTC (a dose period whose end was not recorded). OncoTrial " +
        "takes that record's EXSTDTC as the last dose (the subject was dosed on that day at least; a missing end is not " +
        "imputed). For these subjects the pilot's TRTEDT is the end of study (DM RFENDTC, the date of the DS disposition " +
        "event), which counts the days after the last recorded dose as treatment. admiral's ADSL template would take the " +
        "last record *with* an EXENDTC (filter `!is.na(EXENDTM)`): an earlier date, or none for 01-705-1018, whose only " +
        "EX record has no end. TRTEDT matters here only for the 30-day TEAE window (subject 01-705-1303 below); the " +
        "pilot's TRTEMFL does not use it.";

    [Fact]
    public void Our_safety_population_is_the_pilot_s_254_subjects_and_every_screen_failure_is_kept_with_SAFFL_N()
    {
        var r = PilotSafetyComparison.Compare();
        var ours = r.Adsl.Where(a => a.IsSafety).Select(a => a.Subject).ToHashSet(StringComparer.Ordinal);
        var pilot = r.PilotAdsl.Where(p => p.Value.Saffl == "Y").Select(p => p.Key).ToHashSet(StringComparer.Ordinal);
        Assert.Equal(254, pilot.Count);
        Assert.True(ours.SetEquals(pilot), "SAFFL differs for " + string.Join(", ", ours.Except(pilot).Union(pilot.Except(ours))));
        Assert.Equal(r.Summary.SafetySet, r.Summary.SafetySet.Where(pilot.Contains));
        var extra = r.Adsl.Where(a => !r.PilotAdsl.ContainsKey(a.Subject)).ToList();
        Assert.NotEmpty(extra);
        Assert.All(extra, a => Assert.False(a.IsSafety));
        Assert.All(extra, a => Assert.Equal("SCRNFAIL", a.ArmCode.ToUpperInvariant()));
        Assert.Equal(r.Adsl.Count, extra.Count + r.PilotAdsl.Count);
    }

    [Fact]
    public void Every_subject_s_end_of_study_is_the_pilot_s_DCDECOD()
    {
        var r = PilotSafetyComparison.Compare();
        Assert.All(r.PilotAdsl, p => Assert.True(PilotSafetyComparison.SameEnd(r.Adsl.Single(a => a.Subject == p.Key), p.Value.EndOfStudy), $"{p.Key}: pilot {p.Value.EndOfStudy}"));
        Assert.All(r.Adsl.Where(a => !r.PilotAdsl.ContainsKey(a.Subject)), a => Assert.Null(a.EndOfStudy)); // screen failures
    }

    [Fact]
    public void Each_arm_s_denominator_is_the_pilot_s()
    {
        var r = PilotSafetyComparison.Compare();
        Assert.Equal(3, r.Summary.Arms.Count);
        Assert.All(r.Summary.Arms, arm => Assert.Equal(r.PilotAdsl.Count(p => p.Value.Arm == arm.Name && p.Value.Saffl == "Y"), arm.N));
    }

    [Fact]
    public void With_an_open_window_every_TEAE_count_by_arm_and_term_is_the_pilot_s()
    {
        var r = PilotSafetyComparison.Compare();
        foreach (var c in r.Cells.Where(c => !c.AgreesOpen))
        {
            output.WriteLine($"{c.Arm} {c.Term}: open {c.OursOpen.Count}, pilot {c.Pilot.Count}");
        }

        Assert.NotEmpty(r.Cells);
        Assert.All(r.Cells, c => Assert.True(c.AgreesOpen, $"{c.Arm} / {c.Term}"));
    }

    [Fact]
    public void Every_record_flagged_differently_has_an_explained_class()
    {
        var r = PilotSafetyComparison.Compare();
        var differing = r.Records.Where(x => x.Ours != x.Pilot || x.OursOpen != x.Pilot).ToList();
        foreach (var x in differing)
        {
            output.WriteLine($"{x.Subject} #{x.Sequence} {x.Term} {x.Start}: ours {x.Ours}, open {x.OursOpen}, pilot {x.Pilot} ({x.Why})");
        }

        Assert.All(differing, x => Assert.NotEqual(FlagDifference.Unexplained, x.Why));
        Assert.All(differing, x => Assert.True(Explanations.ContainsKey(x.Why), $"{x.Why}: write down what the records show."));
        Assert.All(r.Cells.Where(c => !c.Agrees), c => Assert.NotEmpty(PilotSafetyComparison.Behind(r, c, open: false)));
    }

    [Fact]
    public void Validation_document_is_current()
    {
        var r = PilotSafetyComparison.Compare();
        var markdown = PilotSafetyComparison.RenderMarkdown(r, Explanations, TreatmentDatesFinding);
        Golden.Verify(Path.Combine(RepositoryPaths.Root, "docs", "validation", "cdiscpilot-safety.md"), markdown);
    }
}
