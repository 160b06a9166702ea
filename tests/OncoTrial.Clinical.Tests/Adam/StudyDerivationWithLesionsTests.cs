using OncoTrial.Clinical.Adam;
using OncoTrial.Clinical.Recist;
using OncoTrial.Clinical.Study;
using OncoTrial.Clinical.Tests.Study;
using static OncoTrial.Clinical.Tests.Adam.AdamRows;

namespace OncoTrial.Clinical.Tests.Adam;

/// <summary>
/// The minimal study with time points derived from its TU/TR lesions, transcribed by hand (the TU/TR reader is
/// separate): 1001 targets 23 + 18 = 41 mm at baseline (2021-09-06, day -4), 15 + 9 = 24 mm at week 6 (-41.46%, PR);
/// 1002 30 → 40 mm and a new lesion (PD); 2001 25 → 24 mm (-4%, SD).
/// </summary>
public class StudyDerivationWithLesionsTests
{
    private const string S1001 = "NCT05013697-01-1001";
    private const string S1002 = "NCT05013697-01-1002";
    private const string S2001 = "NCT05013697-02-2001";

    private static LesionAssessment L(string s, string id, LesionRole role, string date, bool baseline, LesionState state, double? mm = null, bool node = false) =>
        new(s, id, role, "SITE " + id, node, DateOnly.Parse(date, System.Globalization.CultureInfo.InvariantCulture), baseline, state, mm);

    private static IReadOnlyList<TimePointResponse> TimePoints() => RecistDerivation.DeriveTimePointResponses(
    [
        L(S1001, "T01", LesionRole.Target, "2021-09-06", true, LesionState.Measured, 23),
        L(S1001, "T02", LesionRole.Target, "2021-09-06", true, LesionState.Measured, 18, node: true),
        L(S1001, "NT01", LesionRole.NonTarget, "2021-09-06", true, LesionState.Present),
        L(S1001, "T01", LesionRole.Target, "2021-10-22", false, LesionState.Measured, 15),
        L(S1001, "T02", LesionRole.Target, "2021-10-22", false, LesionState.Measured, 9, node: true),
        L(S1001, "NT01", LesionRole.NonTarget, "2021-10-22", false, LesionState.Present),
        L(S1002, "T01", LesionRole.Target, "2021-10-04", true, LesionState.Measured, 30),
        L(S1002, "T01", LesionRole.Target, "2021-11-19", false, LesionState.Measured, 40),
        L(S1002, "NEW01", LesionRole.New, "2021-11-19", false, LesionState.Present),
        L(S2001, "T01", LesionRole.Target, "2022-01-07", true, LesionState.Measured, 25),
        L(S2001, "T01", LesionRole.Target, "2022-02-23", false, LesionState.Measured, 24),
    ]);

    private static StudyDerivationResult Derive() =>
        StudyDerivation.Run(StudyFolder.Load(StudyFolders.ValidMinimal), new StudyDerivationOptions { TimePoints = TimePoints() });

    [Fact]
    public void Lesion_time_points_replace_the_rs_responses_and_agree_with_the_investigator()
    {
        var result = Derive();
        Assert.False(result.HasErrors, string.Join(Environment.NewLine, result.Problems));
        var adrs = result.Adrs!;
        Assert.Equal(["PR", "PD", "SD"], new[] { S1001, S1002, S2001 }.Select(s => V(adrs, Row(adrs, s, "OVR"), "AVALC")));
        Assert.Equal("Overall Response by OncoTrial RECIST 1.1", V(adrs, Row(adrs, S1001, "OVR"), "PARAM"));
        Assert.Equal(["ADRS", "ADTR", "ADTTE"], result.Datasets.Select(d => d.Name));
    }

    [Fact]
    public void Adtr_has_baseline_and_week_6_sums_with_the_waterfall_flag_on_the_week_6_record()
    {
        var adtr = Derive().Adtr!;
        Assert.Equal(6, adtr.RowCount);
        int b = Row(adtr, S1001, "SDIAM", 0);
        int w = Row(adtr, S1001, "SDIAM", 1);
        Assert.Equal(["41", "41", "2021-09-06", "-4", "Y", "Y", ""], new[] { "AVAL", "BASE", "ADT", "ADY", "ABLFL", "ANL01FL", "ANL02FL" }.Select(c => V(adtr, b, c)));
        Assert.Equal(["24", "-17", "2021-10-22", "43", "", "Y", "Y", "41"], new[] { "AVAL", "CHG", "ADT", "ADY", "ABLFL", "ANL01FL", "ANL02FL", "NADIR" }.Select(c => V(adtr, w, c)));
        Assert.Equal(-17 * 100 / 41.0, adtr.Find("PCHG")!.GetNumber(w)!.Value, 10);
        Assert.Equal(100 / 3.0, adtr.Find("PCHG")!.GetNumber(Row(adtr, S1002, "SDIAM", 1))!.Value, 10);
    }
}
