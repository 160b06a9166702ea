using OncoTrial.Clinical.Ctcae;

namespace OncoTrial.Clinical.Tests.Ctcae;

public class CtcaeGraderTests
{
    private static readonly CtcaeGrader Grader = CtcaeGrader.Default;

    private static int? G(LabGrade g) => g.Grade?.Value;

    // Decreasing haematology terms: every cut-off below, at and above (boundaries fall in the milder grade).
    [Theory]
    [InlineData("White blood cell decreased", 0.99, 4)]
    [InlineData("White blood cell decreased", 1.0, 3)]
    [InlineData("White blood cell decreased", 1.99, 3)]
    [InlineData("White blood cell decreased", 2.0, 2)]
    [InlineData("White blood cell decreased", 2.99, 2)]
    [InlineData("White blood cell decreased", 3.0, 1)]
    [InlineData("White blood cell decreased", 3.49, 1)]
    [InlineData("White blood cell decreased", 3.5, 0)]
    [InlineData("Neutrophil count decreased", 0.49, 4)]
    [InlineData("Neutrophil count decreased", 0.5, 3)]
    [InlineData("Neutrophil count decreased", 0.99, 3)]
    [InlineData("Neutrophil count decreased", 1.0, 2)]
    [InlineData("Neutrophil count decreased", 1.49, 2)]
    [InlineData("Neutrophil count decreased", 1.5, 1)]
    [InlineData("Neutrophil count decreased", 1.99, 1)]
    [InlineData("Neutrophil count decreased", 2.0, 0)]
    [InlineData("Lymphocyte count decreased", 0.19, 4)]
    [InlineData("Lymphocyte count decreased", 0.2, 3)]
    [InlineData("Lymphocyte count decreased", 0.49, 3)]
    [InlineData("Lymphocyte count decreased", 0.5, 2)]
    [InlineData("Lymphocyte count decreased", 0.79, 2)]
    [InlineData("Lymphocyte count decreased", 0.8, 1)]
    [InlineData("Lymphocyte count decreased", 1.09, 1)]
    [InlineData("Lymphocyte count decreased", 1.1, 0)]
    [InlineData("Platelet count decreased", 24.9, 4)]
    [InlineData("Platelet count decreased", 25, 3)]
    [InlineData("Platelet count decreased", 49.9, 3)]
    [InlineData("Platelet count decreased", 50, 2)]
    [InlineData("Platelet count decreased", 74.9, 2)]
    [InlineData("Platelet count decreased", 75, 1)]
    [InlineData("Platelet count decreased", 124, 1)]
    [InlineData("Platelet count decreased", 125, 0)]
    public void A_decreasing_count_is_graded_with_boundaries_in_the_milder_grade(string term, double value, int expected)
    {
        decimal lln = term switch
        {
            "White blood cell decreased" => 3.5m,
            "Neutrophil count decreased" => 2.0m,
            "Lymphocyte count decreased" => 1.1m,
            _ => 125m,
        };
        Assert.Equal(expected, G(Grader.Grade(term, (decimal)value, "10^9/L", lln, null)));
    }

    [Theory]
    [InlineData(4.0, 0)]
    [InlineData(4.01, 2)]
    [InlineData(20.0, 2)]
    [InlineData(20.01, 3)]
    public void Lymphocyte_count_increased_has_grades_two_and_three_only(double value, int expected) =>
        Assert.Equal(expected, G(Grader.Grade("Lymphocyte count increased", (decimal)value, "10^9/L")));

    // admiral test vectors (docs/reference/ctcae-conventions.md §3.1), SI units.
    [Theory]
    [InlineData(0.49, 4)]
    [InlineData(0.5, 3)]
    [InlineData(0.99, 3)]
    [InlineData(1.0, 2)]
    [InlineData(1.49, 2)]
    [InlineData(1.5, 1)]
    [InlineData(1.9, 1)]
    [InlineData(2.0, 0)]
    public void Admiral_neutrophil_vectors_with_an_LLN_of_2(double value, int expected) =>
        Assert.Equal(expected, G(Grader.Grade("Neutrophil count decreased", (decimal)value, "10^9/L", 2m, null)));

    [Fact]
    public void Admiral_neutrophil_vectors_without_an_LLN_grade_two_to_four_and_leave_the_rest_not_gradable()
    {
        Assert.Equal(2, G(Grader.Grade("Neutrophil count decreased", 1.49m, "10^9/L")));
        var at = Grader.Grade("Neutrophil count decreased", 1.5m, "10^9/L");
        Assert.False(at.IsGradable);
        Assert.Equal(NotGradableReason.MissingLowerLimit, at.Reason);
        Assert.False(Grader.Grade("Neutrophil count decreased", 2.0m, "10^9/L").IsGradable);
    }

    [Fact]
    public void The_PharmaForest_option_grades_a_missing_LLN_as_zero_but_keeps_the_absolute_grades()
    {
        var grader = new CtcaeGrader(CtcaeOptions.Default with { MissingNormalLimit = MissingNormalLimit.PharmaForestGradeZero });
        Assert.Equal(0, G(grader.Grade("Neutrophil count decreased", 1.5m, "10^9/L")));
        Assert.Equal(2, G(grader.Grade("Neutrophil count decreased", 1.49m, "10^9/L")));
    }

    [Theory]
    [InlineData(79, 3)]
    [InlineData(80, 2)]
    [InlineData(99, 2)]
    [InlineData(100, 1)]
    [InlineData(139, 1)]
    [InlineData(140, 0)]
    public void Admiral_haemoglobin_vectors_in_g_per_L_with_an_LLN_of_140(int value, int expected) =>
        Assert.Equal(expected, G(Grader.Grade("Anemia", value, "g/L", 140m, null)));

    [Fact]
    public void Admiral_haemoglobin_with_a_wrong_unit_is_not_gradable()
    {
        var g = Grader.Grade("Anemia", 79m, "G/cL", 140m, null);
        Assert.False(g.IsGradable);
        Assert.Equal(NotGradableReason.UnitNotConvertible, g.Reason);
    }

    [Theory]
    [InlineData(7.9, 3)]
    [InlineData(8.0, 2)]
    [InlineData(9.99, 2)]
    [InlineData(10.0, 1)]
    [InlineData(14.0, 0)]
    public void Haemoglobin_in_g_per_dL_is_converted_to_g_per_L(double value, int expected) =>
        Assert.Equal(expected, G(Grader.Grade("Anemia", (decimal)value, "g/dL", 14.0m, null)));

    [Theory]
    [InlineData(4.89, 3)]
    [InlineData(4.9, 2)]
    [InlineData(6.19, 2)]
    [InlineData(6.2, 1)]
    [InlineData(8.7, 0)]
    public void Haemoglobin_in_mmol_per_L_uses_the_CTCAE_mmol_cut_offs_not_a_conversion(double value, int expected) =>
        Assert.Equal(expected, G(Grader.Grade("Anemia", (decimal)value, "mmol/L", 8.7m, null)));

    [Fact]
    public void Anaemia_is_never_graded_four_from_a_value()
    {
        Assert.Equal(3, G(Grader.Grade("Anemia", 30m, "g/L", 120m, null)));
    }

    [Theory]
    [InlineData("10^3/uL", 0.49, 4)]
    [InlineData("10^3/µL", 1.0, 2)]
    [InlineData("K/uL", 1.5, 1)]
    [InlineData("/uL", 490, 4)]
    [InlineData("/mm3", 500, 3)]
    [InlineData("cells/uL", 1500, 1)]
    [InlineData("10*9/L", 2.0, 0)]
    public void Cell_counts_in_other_units_are_converted_to_10_9_per_L(string unit, double value, int expected)
    {
        decimal lln = unit is "/uL" or "/mm3" or "cells/uL" ? 2000m : 2.0m;
        Assert.Equal(expected, G(Grader.Grade("Neutrophil count decreased", (decimal)value, unit, lln, null)));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    public void A_count_without_a_unit_is_not_gradable(string? unit) =>
        Assert.Equal(NotGradableReason.MissingUnit, Grader.Grade("Platelet count decreased", 10m, unit, 150m, null).Reason);

    [Fact]
    public void A_missing_value_and_an_unknown_term_are_not_gradable()
    {
        Assert.Equal(NotGradableReason.MissingValue, Grader.Grade("Platelet count decreased", null, "10^9/L", 150m, null).Reason);
        Assert.Equal(NotGradableReason.UnknownTerm, Grader.Grade("Nausea", 1m, "10^9/L").Reason);
    }

    [Theory]
    [InlineData(801, 4)]
    [InlineData(800, 3)]
    [InlineData(201, 3)]
    [InlineData(200, 2)]
    [InlineData(121, 2)]
    [InlineData(120, 1)]
    [InlineData(41, 1)]
    [InlineData(40, 0)]
    public void Admiral_ALT_vectors_with_a_normal_baseline_and_a_ULN_of_40(int value, int expected)
    {
        Assert.Equal(expected, G(Grader.Grade("Alanine aminotransferase increased", value, "U/L", null, 40m, new LabBaseline(30m, "U/L", 40m))));
        Assert.Equal(expected, G(Grader.Grade("Aspartate aminotransferase increased", value, "U/L", null, 40m)));
    }

    [Theory]
    [InlineData(801, 4)]
    [InlineData(800, 3)]
    [InlineData(201, 3)]
    [InlineData(200, 2)]
    [InlineData(121, 2)]
    [InlineData(120, 1)]
    [InlineData(60, 1)]
    [InlineData(59, 0)]
    public void Admiral_ALT_vectors_with_an_abnormal_baseline_of_40_and_a_ULN_of_39(int value, int expected)
    {
        var baseline = new LabBaseline(40m, "U/L", 39m, "HIGH");
        Assert.Equal(expected, G(Grader.Grade("Alanine aminotransferase increased", value, "U/L", null, 39m, baseline)));
        var byIndicator = new CtcaeGrader(CtcaeOptions.Default with { AbnormalBaseline = AbnormalBaseline.AdmiralReferenceRangeIndicator });
        Assert.Equal(expected, G(byIndicator.Grade("Aspartate aminotransferase increased", value, "U/L", null, 39m, baseline)));
    }

    [Fact]
    public void The_abnormal_baseline_definition_is_an_option()
    {
        // Baseline 40 above its ULN 39 but LBNRIND missing: abnormal by value, normal by indicator.
        var baseline = new LabBaseline(40m, "U/L", 39m, null);
        Assert.Equal(0, G(Grader.Grade("Alanine aminotransferase increased", 59m, "U/L", null, 39m, baseline)));
        var byIndicator = new CtcaeGrader(CtcaeOptions.Default with { AbnormalBaseline = AbnormalBaseline.AdmiralReferenceRangeIndicator });
        Assert.Equal(1, G(byIndicator.Grade("Alanine aminotransferase increased", 59m, "U/L", null, 39m, baseline)));
    }

    [Fact]
    public void The_baseline_record_is_graded_by_ULN_rules_unless_the_admiral_option_is_chosen()
    {
        var baseline = new LabBaseline(80m, "U/L", 40m);
        Assert.Equal(1, G(Grader.Grade("Alanine aminotransferase increased", 80m, "U/L", null, 40m, baseline, onOrBeforeFirstDose: true)));
        var admiral = new CtcaeGrader(CtcaeOptions.Default with { BaselineRecordGrading = BaselineRecordGrading.AdmiralBaselineRelative });
        Assert.Equal(0, G(admiral.Grade("Alanine aminotransferase increased", 80m, "U/L", null, 40m, baseline, onOrBeforeFirstDose: true)));
    }

    [Fact]
    public void ALT_without_a_ULN_is_not_gradable()
    {
        var g = Grader.Grade("Alanine aminotransferase increased", 900m, "U/L");
        Assert.Equal(NotGradableReason.MissingUpperLimit, g.Reason);
        var pf = new CtcaeGrader(CtcaeOptions.Default with { MissingNormalLimit = MissingNormalLimit.PharmaForestGradeZero });
        Assert.False(pf.Grade("Alanine aminotransferase increased", 900m, "U/L").IsGradable);
    }

    [Theory]
    [InlineData(211, 4)]
    [InlineData(210, 3)]
    [InlineData(64, 3)]
    [InlineData(63, 2)]
    [InlineData(32, 2)]
    [InlineData(31.5, 1)]
    [InlineData(22, 1)]
    [InlineData(21, 0)]
    public void Bilirubin_with_a_normal_baseline_uses_multiples_of_a_ULN_of_21(double value, int expected) =>
        Assert.Equal(expected, G(Grader.Grade("Blood bilirubin increased", (decimal)value, "umol/L", null, 21m, new LabBaseline(10m, "umol/L", 21m))));

    [Theory]
    [InlineData(301, 4)]
    [InlineData(300, 3)]
    [InlineData(91, 3)]
    [InlineData(90, 2)]
    [InlineData(46, 2)]
    [InlineData(45, 1)]
    [InlineData(31, 1)]
    [InlineData(30, 0)]
    public void Bilirubin_with_an_abnormal_baseline_of_30_uses_multiples_of_the_baseline_open_at_one(int value, int expected) =>
        Assert.Equal(expected, G(Grader.Grade("Blood bilirubin increased", value, "umol/L", null, 21m, new LabBaseline(30m, "umol/L", 21m))));

    [Fact]
    public void A_bilirubin_baseline_in_mg_per_dL_is_converted_to_the_value_unit()
    {
        // Baseline 2.0 mg/dL = 34.2 umol/L, abnormal (ULN 1.2 mg/dL = 20.52 umol/L); 3.0 x 34.2 = 102.6.
        var baseline = new LabBaseline(2.0m, "mg/dL", 1.2m);
        Assert.Equal(2, G(Grader.Grade("Blood bilirubin increased", 102.6m, "umol/L", null, 21m, baseline)));
        Assert.Equal(3, G(Grader.Grade("Blood bilirubin increased", 102.7m, "umol/L", null, 21m, baseline)));
        Assert.Equal(NotGradableReason.UnitNotConvertible, Grader.Grade("Blood bilirubin increased", 50m, "umol/L", null, 21m, new LabBaseline(2m, "g/L")).Reason);
    }

    [Theory]
    [InlineData(241, 4)]
    [InlineData(240, 3)]
    [InlineData(121, 3)]
    [InlineData(120, 2)]
    [InlineData(61, 2)]
    [InlineData(60, 1)]
    [InlineData(41, 1)]
    [InlineData(40, 0)]
    public void Admiral_creatinine_vectors_with_a_ULN_of_40(int value, int expected) =>
        Assert.Equal(expected, G(Grader.Grade("Creatinine increased", value, "umol/L", null, 40m)));

    [Fact]
    public void Admiral_creatinine_vectors_with_a_baseline_and_the_PharmaForest_option()
    {
        Assert.Equal(3, G(Grader.Grade("Creatinine increased", 42m, "umol/L", null, 40m, new LabBaseline(13.9m))));
        Assert.Equal(2, G(Grader.Grade("Creatinine increased", 42m, "umol/L", null, 40m, new LabBaseline(14m))));
        var pf = new CtcaeGrader(CtcaeOptions.Default with { CreatinineBaseline = CreatinineBaseline.PharmaForestUlnOnly });
        Assert.Equal(1, G(pf.Grade("Creatinine increased", 42m, "umol/L", null, 40m, new LabBaseline(13.9m))));
    }

    [Fact]
    public void Creatinine_in_mg_per_dL_against_a_baseline_in_umol_per_L()
    {
        // 0.8 mg/dL = 70.72 umol/L; baseline 44.2 umol/L = 0.5 mg/dL: 1.6 x baseline, below the ULN: grade 2 (literal reading).
        Assert.Equal(2, G(Grader.Grade("Creatinine increased", 0.8m, "mg/dL", null, 1.1m, new LabBaseline(44.2m, "umol/L"))));
    }

    [Theory]
    [InlineData("SYSBP", 119, 0)]
    [InlineData("SYSBP", 120, 1)]
    [InlineData("SYSBP", 139, 1)]
    [InlineData("SYSBP", 139.5, 1)]
    [InlineData("SYSBP", 140, 2)]
    [InlineData("SYSBP", 159, 2)]
    [InlineData("SYSBP", 160, 3)]
    [InlineData("DIABP", 79, 0)]
    [InlineData("DIABP", 80, 1)]
    [InlineData("DIABP", 89, 1)]
    [InlineData("DIABP", 90, 2)]
    [InlineData("DIABP", 99, 2)]
    [InlineData("DIABP", 100, 3)]
    public void Hypertension_is_graded_per_reading(string test, double value, int expected) =>
        Assert.Equal(expected, G(Grader.Grade("Hypertension", (decimal)value, "mmHg", testCode: test)));

    [Fact]
    public void Blood_pressure_takes_the_worse_of_systolic_and_diastolic()
    {
        Assert.Equal(3, G(Grader.GradeBloodPressure(130m, 101m)));
        Assert.Equal(2, G(Grader.GradeBloodPressure(145m, 70m)));
        Assert.Equal(1, G(Grader.GradeBloodPressure(null, 85m)));
        Assert.Throws<ArgumentException>(() => Grader.Grade("Hypertension", 150m, "mmHg"));
    }

    [Fact]
    public void The_previously_normal_option_makes_grade_two_need_a_normal_baseline()
    {
        var literal = new CtcaeGrader(CtcaeOptions.Default with { HypertensionGrade2 = HypertensionGrade2.PreviouslyNormalOnly });
        Assert.Equal(2, G(literal.Grade("Hypertension", 145m, "mmHg", baseline: new LabBaseline(115m), testCode: "SYSBP")));
        Assert.Equal(NotGradableReason.NeedsClinicalData, literal.Grade("Hypertension", 145m, "mmHg", baseline: new LabBaseline(125m), testCode: "SYSBP").Reason);
        Assert.Equal(NotGradableReason.NeedsClinicalData, literal.Grade("Hypertension", 145m, "mmHg", testCode: "SYSBP").Reason);
        Assert.Equal(3, G(literal.Grade("Hypertension", 165m, "mmHg", baseline: new LabBaseline(150m), testCode: "SYSBP")));
        Assert.Equal(2, G(Grader.Grade("Hypertension", 145m, "mmHg", baseline: new LabBaseline(125m), testCode: "SYSBP")));
    }

    [Theory]
    [InlineData(57.1, 0)]
    [InlineData(57, 1)]
    [InlineData(54.1, 1)]
    [InlineData(54, 2)]
    [InlineData(48.1, 2)]
    [InlineData(48, 3)]
    [InlineData(66, 0)]
    public void Weight_loss_is_graded_by_percent_of_a_baseline_of_60_kg(double value, int expected) =>
        Assert.Equal(expected, G(Grader.Grade("Weight loss", (decimal)value, "kg", baseline: new LabBaseline(60m, "kg"))));

    [Fact]
    public void Weight_loss_needs_a_baseline_and_converts_pounds()
    {
        Assert.Equal(NotGradableReason.MissingBaseline, Grader.Grade("Weight loss", 50m, "kg").Reason);
        // 110 lb = 49.895 kg, 16.8% below 60 kg.
        Assert.Equal(2, G(Grader.Grade("Weight loss", 110m, "lb", baseline: new LabBaseline(60m, "kg"))));
    }

    [Fact]
    public void A_graded_result_names_the_criterion_row_with_its_source_text()
    {
        var g = Grader.Grade("Neutrophil count decreased", 0.4m, "10^9/L", 2m, null);
        Assert.NotNull(g.Criterion);
        Assert.Equal("5.0", g.Criterion!.Version);
        Assert.Contains("<0.5 x 10e9 /L", g.Criterion.SourceText, StringComparison.Ordinal);
        Assert.Equal("x < 0.5 10^9/L", g.Criterion.Rule);
    }
}
