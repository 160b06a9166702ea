using OncoTrial.Clinical.Recist;
using static OncoTrial.Clinical.Tests.Recist.ResponseSequences;

namespace OncoTrial.Clinical.Tests.Recist;

/// <summary>Every test vector of docs/reference/recist-rules.md §2.7: (A) admiralonco's official tests, (B) the extra cases.</summary>
public class BestOverallResponseVectorTests
{
    // Setting S1: ref_start_window = 28, ref_confirm = 28, max_nr_ne = 1, accept_sd = FALSE, cut at first PD.
    private static readonly RecistOptions S1 = new() { SdMinDays = 28, ConfirmationMinDays = 28, MaxNotEvaluableBetween = 1 };

    // Setting S2: ref_confirm = 14, max_nr_ne = 0, accept_sd = TRUE, missing_as_ne = TRUE (same window).
    private static readonly RecistOptions S2 = new() { SdMinDays = 28, ConfirmationMinDays = 14, MaxNotEvaluableBetween = 0, AcceptSd = true, MissingAsNotEvaluable = true };

    // (B): ref_start_window = 42, ref_confirm = 28, max_nr_ne = 1.
    private static readonly RecistOptions B = new() { SdMinDays = 42, ConfirmationMinDays = 28, MaxNotEvaluableBetween = 1 };

    public static TheoryData<string, string, string, string, string?, string, string?, string?, string> OfficialVectors => new()
    {
        // id, TRTSDT, sequence, CBOR S1, date, CBOR S2@date, CRSP S1 date (null = N), CRSP S2 date, BOR (no cut)@date
        { "1", "2020-01-01", "0:PR, 31:CR, 46:NE, 60:CR, 91:SD", "CR", "2020-02-01", "PR@2020-01-01", "2020-01-01", "2020-01-01", "CR@2020-02-01" },
        { "2", "2019-12-12", "20:SD, 51:PR, 80:SD, 92:CR", "SD", "2020-02-01", "PR@2020-02-01", null, "2020-02-01", "CR@2020-03-13" },
        { "3", "2019-11-11", "1:CR, 21:CR, 51:SD", "SD", "2020-01-01", "CR@2019-11-12", null, "2019-11-12", "CR@2019-11-12" },
        { "4", "2019-12-30", "2:PR, 62:SD, 93:SD, 123:PR, 137:NON-CR/NON-PD", "SD", "2020-03-01", "SD@2020-03-01", null, null, "PR@2020-01-01" },
        { "5", "2020-01-01", "0:PR, 9:SD, 19:PR, 135:NON-CR/NON-PD", "NON-CR/NON-PD", "2020-05-15", "PR@2020-01-01", null, "2020-01-01", "PR@2020-01-01" },
        { "6", "2020-02-02", "4:PR, 14:CR, 57:PR", "SD", "2020-03-30", "SD@2020-03-30", null, null, "CR@2020-02-16" },
        { "7", "2020-02-02", "4:PR, 14:CR, 59:NE", "NE", "2020-02-06", "NE@2020-02-06", null, null, "CR@2020-02-16" },
        { "8", "2020-04-01", "", "MISSING", null, "NE", null, null, "MISSING" },
        { "9", "2020-02-01", "15:PD, 34:SD", "PD", "2020-02-16", "PD@2020-02-16", null, null, "SD@2020-03-06" },
    };

    [Theory]
    [MemberData(nameof(OfficialVectors))]
    public void Official_admiralonco_vectors_give_the_expected_CBOR_CRSP_and_BOR(
        string id, string trtsdt, string sequence, string cborS1, string? cborS1Date, string cborS2, string? crspS1, string? crspS2, string borNoCut)
    {
        var s1 = Derive(trtsdt, sequence, S1);
        Assert.Equal((cborS1, cborS1Date), (Code(s1.ConfirmedBor), Iso(s1.ConfirmedBorDate)));
        Assert.Equal(crspS1, Iso(s1.ConfirmedResponseDate));

        var s2 = Derive(trtsdt, sequence, S2);
        Assert.Equal(cborS2, s2.ConfirmedBorDate is null ? Code(s2.ConfirmedBor) : $"{Code(s2.ConfirmedBor)}@{Iso(s2.ConfirmedBorDate)}");

        Assert.Equal(crspS2, Iso(s2.ConfirmedResponseDate));

        var noCut = DeriveWithoutCut(trtsdt, sequence, S1);
        Assert.Equal(borNoCut, noCut.BorDate is null ? Code(noCut.Bor) : $"{Code(noCut.Bor)}@{Iso(noCut.BorDate)}");
        Assert.NotEmpty(id);
    }

    [Fact]
    public void Official_vector_7_with_S2_data_a_single_ND_gives_ND()
    {
        var r = Derive("2020-02-02", "60:ND", S2);
        Assert.Equal(OverallResponse.NotDone, r.ConfirmedBor);
    }

    [Fact]
    public void Official_vector_9_without_the_PD_cut_gives_SD_on_day_34()
    {
        var r = DeriveWithoutCut("2020-02-01", "15:PD, 34:SD", S1);
        Assert.Equal(("SD", "2020-03-06"), (Code(r.Cbor), Iso(r.CborDate)));
    }

    [Fact]
    public void R_test4_a_PR_after_PD_is_confirmed_when_the_data_are_not_cut()
    {
        Assert.Equal("2020-02-16", Iso(DeriveWithoutCut("2020-01-01", "0:SD, 31:PD, 46:PR, 80:CR", S1).Crsp));
        Assert.Null(Derive("2020-01-01", "0:SD, 31:PD, 46:PR, 80:CR", S1).ConfirmedResponseDate);
    }

    [Fact]
    public void R_test4b_a_PD_inside_the_CR_window_breaks_the_confirmation()
    {
        Assert.Null(DeriveWithoutCut("2020-01-01", "0:SD, 31:CR, 46:PD, 80:CR", S1).Crsp);
    }

    [Fact]
    public void BOR_t2_subject_2_cut_at_a_PD_date_from_another_source_gives_PR()
    {
        var r = Derive("2019-12-12", "20:SD, 51:PR, 80:SD, 92:CR", S1, progressionDate: Date("2020-03-01"));
        Assert.Equal(("PR", "2020-02-01"), (Code(r.Bor), Iso(r.BorDate)));
    }

    [Fact]
    public void BOR_t2b_a_PD_date_before_every_record_gives_MISSING()
    {
        var r = Derive("2020-02-02", "4:PR, 14:CR, 57:PR", S1, progressionDate: Date("2020-02-05"));
        Assert.Null(r.Bor);
        Assert.Equal("MISSING", Code(r.Bor));
    }

    [Fact]
    public void BOR_t1c_only_SD_before_the_reference_date_gives_NE_at_the_earliest_date()
    {
        var r = Derive("2020-02-02", "-30:SD, -20:SD, -5:SD", S1);
        Assert.Equal(("NE", "2020-01-03"), (Code(r.Bor), Iso(r.BorDate)));
    }

    public static TheoryData<string, string, string, int?, string, string?, string> ExtraVectors => new()
    {
        // id, sequence (TRTSDT 2020-01-01 unless Q), CBOR, CBOR day, CBOR accept_sd, CRSP day (accept_sd = F), BOR
        { "A", "42:PR, 84:NE, 126:PR", "PR", 42, "PR", "42", "PR" },
        { "B", "42:PR, 84:NE, 126:NE, 168:PR", "SD", 42, "SD", null, "PR" },
        { "C", "42:PR, 84:SD, 126:PR", "SD", 42, "PR", null, "PR" },
        { "D", "42:PR, 62:PR, 84:PD", "SD", 42, "SD", null, "PR" },
        { "E", "42:CR, 84:PR", "SD", 42, "SD", null, "CR" },
        { "F", "42:PR, 84:CR", "PR", 42, "PR", "42", "CR" },
        { "G", "42:CR, 84:CR", "CR", 42, "CR", "42", "CR" },
        { "H", "42:PR, 84:PD", "SD", 42, "SD", null, "PR" },
        { "I", "30:PR, 84:PD", "PD", 84, "PD", null, "PR" },
        { "J", "30:SD, 84:PD", "PD", 84, "PD", null, "PD" },
        { "K", "42:CR, 84:NE, 126:CR", "CR", 42, "CR", "42", "CR" },
        { "L", "42:PR, 84:CR, 126:PR", "PR", 42, "PR", "42", "CR" },
        { "M", "42:PR, 52:PR, 84:CR", "PR", 42, "PR", "42", "CR" },
        { "N", "42:NE", "NE", 42, "NE", null, "NE" },
        { "O", "42:PR", "SD", 42, "SD", null, "PR" },
        { "P", "42:SD, 84:SD, 126:PD", "SD", 42, "SD", null, "SD" },
        { "Q", "56:CR, 112:SD", "SD", 56, "SD", null, "CR" },
        { "R", "28:CR, 74:SD", "SD", 74, "SD", null, "CR" },
        { "S", "42:CR, 84:NE, 126:NE, 168:CR", "SD", 42, "SD", null, "CR" },
        { "T", "42:SD, 84:PD, 126:PR, 168:PR", "PR", 126, "PR", "126", "PR" },
        { "U", "42:PR, 84:ND, 126:PR", "SD", 42, "SD", null, "PR" },
    };

    [Theory]
    [MemberData(nameof(ExtraVectors))]
    public void Extra_vectors_without_a_PD_cut_give_the_admiralonco_results(string id, string sequence, string cbor, int? cborDay, string cborAcceptSd, string? crspDay, string bor)
    {
        var reference = id == "Q" ? "2023-01-01" : "2020-01-01";
        var day0 = Date(reference);
        var r = DeriveWithoutCut(reference, sequence, B);
        Assert.Equal(cbor, Code(r.Cbor));
        Assert.Equal(cborDay is { } d ? day0.AddDays(d) : null, r.CborDate);
        Assert.Equal(crspDay is null ? null : day0.AddDays(int.Parse(crspDay, System.Globalization.CultureInfo.InvariantCulture)), r.Crsp);
        Assert.Equal(bor, Code(r.Bor));
        Assert.Equal(cborAcceptSd, Code(DeriveWithoutCut(reference, sequence, B with { AcceptSd = true }).Cbor));
    }

    [Theory]
    [MemberData(nameof(ExtraVectors))]
    public void Extra_vectors_with_the_PD_cut_give_the_same_CBOR_except_case_T_which_falls_to_SD(string id, string sequence, string cbor, int? cborDay, string cborAcceptSd, string? crspDay, string bor)
    {
        _ = (cborDay, cborAcceptSd, crspDay, bor);
        var reference = id == "Q" ? "2023-01-01" : "2020-01-01";
        var r = Derive(reference, sequence, B);
        // Case T with the cut (docs/reference/recist-rules.md §2.7): by docs/reference/recist-rules.md §2.3 step 3 the
        // day-42 SD meets the 42-day window (ADT >= ref + 42), so the cut data 42:SD, 84:PD give SD on day 42, not the
        // "PD" the vectors' first source remarked.
        Assert.Equal(id == "T" ? "SD" : cbor, Code(r.ConfirmedBor));
    }

    [Fact]
    public void Case_C_with_accept_sd_is_a_confirmed_response()
    {
        Assert.Equal(Date("2020-02-12"), Derive("2020-01-01", "42:PR, 84:SD, 126:PR", B with { AcceptSd = true }).ConfirmedResponseDate);
    }

    [Fact]
    public void Extra_vectors_A_to_P_are_unchanged_with_a_42_day_confirmation()
    {
        var with42 = B with { ConfirmationMinDays = 42 };
        foreach (var row in ExtraVectors.Select(r => ((ITheoryDataRow)r).GetData()).Where(r => string.CompareOrdinal((string)r[0]!, "P") <= 0))
        {
            Assert.Equal((string)row[2]!, Code(DeriveWithoutCut("2020-01-01", (string)row[1]!, with42).Cbor));
        }
    }
}
