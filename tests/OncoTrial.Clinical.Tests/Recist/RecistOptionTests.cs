using OncoTrial.Clinical.Recist;
using static OncoTrial.Clinical.Tests.Recist.ResponseSequences;

namespace OncoTrial.Clinical.Tests.Recist;

/// <summary>Each option changes the result where it should, and only there.</summary>
public class RecistOptionTests
{
    private const string Ref = "2020-01-01";

    [Fact]
    public void A_42_day_confirmation_rejects_a_35_day_gap_unless_a_7_day_window_is_given()
    {
        var strict = new RecistOptions { ConfirmationMinDays = 42 };
        Assert.Equal(OverallResponse.StableDisease, Derive(Ref, "42:PR, 77:PR", strict).ConfirmedBor);
        Assert.Equal(OverallResponse.PartialResponse, Derive(Ref, "42:PR, 77:PR", strict with { ConfirmationWindowDays = 7 }).ConfirmedBor);
        Assert.Equal(OverallResponse.PartialResponse, Derive(Ref, "42:PR, 77:PR", RecistOptions.Default).ConfirmedBor);
    }

    [Fact]
    public void The_SD_minimum_duration_decides_between_SD_and_PD()
    {
        Assert.Equal(OverallResponse.ProgressiveDisease, Derive(Ref, "30:SD, 84:PD", RecistOptions.Default).ConfirmedBor);
        Assert.Equal(OverallResponse.StableDisease, Derive(Ref, "30:SD, 84:PD", new RecistOptions { SdMinDays = 28 }).ConfirmedBor);
    }

    [Fact]
    public void Two_NE_between_PR_and_its_confirmation_need_max_NE_2()
    {
        Assert.Equal(OverallResponse.StableDisease, Derive(Ref, "42:PR, 84:NE, 126:NE, 168:PR", RecistOptions.Default).ConfirmedBor);
        Assert.Equal(OverallResponse.PartialResponse, Derive(Ref, "42:PR, 84:NE, 126:NE, 168:PR", new RecistOptions { MaxNotEvaluableBetween = 2 }).ConfirmedBor);
    }

    [Fact]
    public void Strict_Table_3_makes_CR_then_SD_progression_and_admiralonco_warns()
    {
        var admiral = Derive(Ref, "28:CR, 74:SD", RecistOptions.Default);
        Assert.Equal(OverallResponse.StableDisease, admiral.ConfirmedBor);
        Assert.Contains(admiral.Warnings, w => w.Contains("after a CR", StringComparison.Ordinal));
        var strict = new RecistOptions { CrThenPr = CrThenPrPolicy.StrictRecistTable3 };
        Assert.Equal(OverallResponse.ProgressiveDisease, Derive(Ref, "28:CR, 74:SD", strict).ConfirmedBor);
        Assert.Equal((OverallResponse.StableDisease, Date("2020-02-12")), (Derive(Ref, "42:CR, 84:PR", strict).ConfirmedBor, Derive(Ref, "42:CR, 84:PR", strict).ConfirmedBorDate));
    }

    [Fact]
    public void ND_as_NE_confirms_PR_ND_PR()
    {
        Assert.Equal(OverallResponse.StableDisease, Derive(Ref, "42:PR, 84:ND, 126:PR", RecistOptions.Default).ConfirmedBor);
        Assert.Equal(OverallResponse.PartialResponse, Derive(Ref, "42:PR, 84:ND, 126:PR", new RecistOptions { NotDoneAsNotEvaluable = true }).ConfirmedBor);
    }

    [Fact]
    public void Assessments_from_the_start_of_new_therapy_are_left_out()
    {
        Assert.Equal(OverallResponse.PartialResponse, Derive(Ref, "42:PR, 84:PR", RecistOptions.Default).ConfirmedBor);
        Assert.Equal(OverallResponse.StableDisease, Derive(Ref, "42:PR, 84:PR", RecistOptions.Default, newTherapy: Date("2020-03-20")).ConfirmedBor);
    }

    [Fact]
    public void Several_records_on_one_date_keep_the_worst_with_a_warning()
    {
        var r = Derive(Ref, "42:PR, 42:SD, 84:PR", RecistOptions.Default);
        Assert.Equal(OverallResponse.StableDisease, r.ConfirmedBor);
        Assert.Single(r.Warnings, w => w.Contains("responses on one date", StringComparison.Ordinal));
    }

    [Fact]
    public void Invalid_options_are_all_reported()
    {
        var e = Assert.Throws<ArgumentException>(() => Derive(Ref, "42:PR", new RecistOptions { SdMinDays = -1, MaxNotEvaluableBetween = -2 }));
        Assert.Contains("--sd-min-days: expected a number of days >= 0, found -1.", e.Message, StringComparison.Ordinal);
        Assert.Contains("--max-ne: expected a count >= 0, found -2.", e.Message, StringComparison.Ordinal);
    }
}
