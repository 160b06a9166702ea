using OncoTrial.Clinical.Analyses;
using OncoTrial.Clinical.Endpoints;
using OncoTrial.Clinical.Pipeline;
using OncoTrial.Clinical.Safety;
using OncoTrial.Reporting.Tables;
using OncoTrial.Statistics;

namespace OncoTrial.Reporting.Tests.Tables;

/// <summary>Cells computed by hand from <see cref="TableStudy"/>, columns of the two-arm study, and footnotes that follow the options.</summary>
public class TableCellTests
{
    private static TableRow Row(ReportTable table, string key) => table.Rows.Single(r => r.Key == key);

    [Fact]
    public void Any_adverse_event_is_5_of_8_and_62_5_percent_is_rounded_half_away_from_zero_to_63()
    {
        // Given: S1-S5 have a treatment-emergent event, S6-S8 none (8 in the safety set)
        var table = AdverseEventTable.Create(TableStudy.Results());

        // When
        var any = Row(table, "any").Cells;

        // Then: 100 x 5 / 8 = 62.5 -> 63 (banker's rounding would give 62)
        Assert.Equal("5 (63)", any[1].Display);
        Assert.Equal([5.0, 8.0], any[1].Values);
        Assert.Equal(["S1", "S2", "S3", "S4", "S5"], any[1].Subjects);
        // grade >= 3: S1 leukopenia g3, S2 diarrhoea g3, S4 leukopenia g4, S5 pneumonia g5 = 4/8
        Assert.Equal("4 (50)", any[2].Display);
        Assert.Equal(["S1", "S2", "S4", "S5"], any[2].Subjects);
        // related grade >= 3: S2's diarrhoea is not related, so S1, S4, S5 = 3/8 = 37.5 -> 38
        Assert.Equal("3 (38)", any[4].Display);
        Assert.Equal(["S1", "S4", "S5"], any[4].Subjects);
    }

    [Fact]
    public void A_term_under_the_threshold_is_not_listed_and_an_immune_related_term_has_no_causality_columns()
    {
        var table = AdverseEventTable.Create(TableStudy.Results());
        Assert.Equal(["term/LEUKOPENIA", "term/NAUSEA"], table.Groups.Single(g => g.Label!.StartsWith("Frequent", StringComparison.Ordinal)).Rows.Select(r => r.Key));
        var diarrhoea = Row(table, "immune-related/DIARRHOEA").Cells;
        Assert.Equal(["Diarrhoea", "1 (13)", "1 (13)", "-", "-"], diarrhoea.Select(c => c.Display));
    }

    [Fact]
    public void Objective_response_is_4_of_8_with_the_exact_Clopper_Pearson_interval()
    {
        // Given: CR S1; PR S2, S6, S8 -> 4/8; binom.test(4, 8)$conf.int = 0.1570128 0.8429872
        var table = ResponseTable.Create(TableStudy.Results())!;

        // When
        var orr = Row(table, "orr").Cells[1];

        // Then
        Assert.Equal("4 (50.0; 15.7-84.3)", orr.Display);
        Assert.Equal(["S1", "S2", "S6", "S8"], orr.Subjects);
        Assert.Equal(0.1570128, orr.Values[3]!.Value, 6);
        Assert.Equal("4/7 (57.1; 18.4-90.1)", Row(table, "evaluable/orr").Cells[1].Display); // S5 has no post-baseline scan
        Assert.Equal("1 (13)", Row(table, "bor/NE").Cells[1].Display);
    }

    [Fact]
    public void Age_65_counts_at_or_above_the_cutoff_and_the_median_age_is_the_mean_of_the_two_middle_ages()
    {
        var table = BaselineTable.Create(TableStudy.Results());
        var atOrAbove = Row(table, "age/ge65").Cells[1];
        Assert.Equal("4 (50)", atOrAbove.Display);
        Assert.Equal(["S2", "S4", "S7", "S8"], atOrAbove.Subjects); // 70, 66, 65, 71
        Assert.Equal("63.5 (49-71)", Row(table, "age/median").Cells[1].Display); // 49 55 58 62 | 65 66 70 71
        Assert.Contains("PD-L1 CPS was assessed in 7 subjects.", table.Footnotes[0], StringComparison.Ordinal);
    }

    [Fact]
    public void Two_arms_get_a_column_group_each_and_a_total_with_their_own_denominators_and_subjects()
    {
        // Given: S1-S4 in arm A, S5-S8 in arm B
        var results = TableStudy.Results(twoArms: true);

        // When
        var baseline = BaselineTable.Create(results);
        var ae = AdverseEventTable.Create(results);

        // Then
        Assert.Equal(["Characteristic", "Arm A (N = 4)", "Arm B (N = 4)", "Total (N = 8)"], baseline.Leaves.Select(l => l.Label));
        Assert.Equal(["characteristic", "arma", "armb", "total"], baseline.Leaves.Select(l => l.Key));
        Assert.Equal(["Arm A (N = 4)", "Arm B (N = 4)", "Total (N = 8)"], ae.Columns.Skip(1).Select(c => c.Label));
        Assert.Equal(["Adverse events", "Treatment-related"], ae.Columns[1].Children.Select(c => c.Label));
        var any = Row(ae, "any").Cells;
        Assert.Equal(("4 (100)", 4), (any[1].Display, any[1].Subjects.Count));
        Assert.Equal("1 (25)", any[5].Display);
        Assert.Equal(["S5"], any[5].Subjects);
        Assert.Equal("5 (63)", any[9].Display);
        Assert.Equal("arma_ae_any", ae.Leaves[1].Key);
        Assert.Equal("total_trae_grade3plus", ae.Leaves[^1].Key);
    }

    [Fact]
    public void Every_count_cell_holds_as_many_subjects_as_it_counts()
    {
        foreach (var twoArms in new[] { false, true })
        {
            foreach (var table in TrialTables.Create(TableStudy.Results(twoArms)))
            {
                foreach (var cell in table.Rows.SelectMany(r => r.Cells).Where(c => c.Format.Kind is CellFormatKind.CountPercent or CellFormatKind.CountPercentInterval or CellFormatKind.FractionPercentInterval))
                {
                    Assert.Equal(cell.Values[0], cell.Subjects.Count);
                }
            }
        }
    }

    [Fact]
    public void Tables_are_numbered_in_order_and_each_states_the_data_cutoff()
    {
        var tables = TrialTables.Create(TableStudy.Results());
        Assert.Equal(
            ["table-1-baseline", "table-2-response", "table-3-adverse-events", "table-4-deaths", "table-5-exposure", "table-6-efficacy", "table-7-subgroups-pfs", "table-8-subgroups-os"],
            tables.Select(t => t.Id));
        Assert.All(tables, t => Assert.StartsWith("Table ", t.Title, StringComparison.Ordinal));
        Assert.All(tables, t => Assert.Contains("Data cutoff: 2024-04-01 (TS DCUTDTC).", t.Footnotes));
    }

    [Fact]
    public void The_AE_threshold_TEAE_window_and_their_footnotes_follow_the_safety_options()
    {
        // Given: a 10% threshold and an open TEAE window instead of 20% and last dose + 30 days
        var options = new StudyAnalysisOptions { Safety = SafetyOptions.Default with { FrequencyThresholdPercent = 10m, WindowEnd = TeaeWindowEnd.Open } };

        // When
        var table = AdverseEventTable.Create(TableStudy.Results(options: options));
        var defaults = AdverseEventTable.Create(TableStudy.Results());

        // Then
        Assert.Contains(table.Groups, g => g.Label == "Frequent events (≥ 10%)");
        Assert.Contains(defaults.Groups, g => g.Label == "Frequent events (≥ 20%)");
        Assert.Contains("terms with all-cause frequency >= 10%", table.Footnotes[0], StringComparison.Ordinal);
        Assert.Contains("with no upper bound", table.Footnotes[0], StringComparison.Ordinal);
        Assert.Contains("last dose + 30 days", defaults.Footnotes[0], StringComparison.Ordinal);
        Assert.True(table.Groups.Single(g => g.Label!.StartsWith("Frequent", StringComparison.Ordinal)).Rows.Count > 2); // 1/8 = 12.5% >= 10%
    }

    [Fact]
    public void The_interval_method_and_level_of_the_response_table_follow_the_options()
    {
        // Given: 90% Wilson intervals instead of 95% Clopper-Pearson
        var options = new StudyAnalysisOptions { Results = TrialResultsOptions.Default with { ProportionMethod = BinomialCiMethod.Wilson, ConfidenceLevel = ConfidenceLevel.Create(0.9) } };

        // When
        var table = ResponseTable.Create(TableStudy.Results(options: options))!;

        // Then
        string notes = string.Join("\n", table.Footnotes);
        Assert.Contains("90% CIs by wilson", notes, StringComparison.Ordinal);
        Assert.DoesNotContain("clopper-pearson", notes, StringComparison.Ordinal);
        Assert.Contains("n (%; 90% CI)", notes, StringComparison.Ordinal);
        var ci = BinomialInterval.Compute(4, 8, BinomialCiMethod.Wilson, ConfidenceLevel.Create(0.9));
        Assert.Equal(Formats.Invariant($"4 (50.0; {Math.Round(ci.Lower * 100, 1, MidpointRounding.AwayFromZero):0.0}-{Math.Round(ci.Upper * 100, 1, MidpointRounding.AwayFromZero):0.0})"), Row(table, "orr").Cells[1].Display);
    }

    [Fact]
    public void The_censoring_convention_and_transform_of_the_efficacy_table_follow_the_options()
    {
        var options = new StudyAnalysisOptions
        {
            Endpoints = EndpointOptions.Default with { Convention = CensoringConvention.Ema },
            Results = TrialResultsOptions.Default with { Transform = SurvivalCiTransform.Log },
        };
        var table = EfficacyTable.Create(TableStudy.Results(options: options))!;
        var defaults = EfficacyTable.Create(TableStudy.Results())!;
        Assert.Contains(table.Footnotes, f => f.StartsWith("Censoring: EMA censoring", StringComparison.Ordinal));
        Assert.Contains(defaults.Footnotes, f => f.StartsWith("Censoring: FDA censoring", StringComparison.Ordinal));
        Assert.Contains("log transform", table.Footnotes[0], StringComparison.Ordinal);
        Assert.Contains("log-log transform", defaults.Footnotes[0], StringComparison.Ordinal);
    }
}
