using OncoTrial.Clinical.Protocol;
using OncoTrial.Statistics;

namespace OncoTrial.Clinical.Tests.Protocol;

public sealed class ProtocolValidationTests
{
    private static readonly DateOnly FirstDose = new(2024, 1, 2);

    // ---- Doses ----

    [Fact]
    public void A_patient_and_the_protocol_rounding_have_no_problem()
    {
        ProblemAssert.Valid(DoseCalculator.Validate(170, 70, DoseRounding.Protocol));
        ProblemAssert.Valid(DoseCalculator.Validate(300, 700, new DoseRounding(0, 5)));
        ProblemAssert.Valid(DoseCalculator.Validate(45, 2.5, new DoseRounding(6, 0)));
    }

    public static TheoryData<double, double, DoseRounding, string, string> BadDoseValues() => new()
    {
        { 0, 70, DoseRounding.Protocol, "height", "0" },
        { 300.5, 70, DoseRounding.Protocol, "height", "300.5" },
        { double.NaN, 70, DoseRounding.Protocol, "height", "NaN" },
        { 170, -3, DoseRounding.Protocol, "weight", "-3" },
        { 170, 701, DoseRounding.Protocol, "weight", "701" },
        { 170, 70, new DoseRounding(7), "bsa-decimals", "7" },
        { 170, 70, new DoseRounding(-1), "bsa-decimals", "-1" },
        { 170, 70, new DoseRounding(2, -5), "round-mg", "-5" },
    };

    [Theory]
    [MemberData(nameof(BadDoseValues))]
    public void Each_bad_dose_value_is_a_range_problem_with_its_option(double height, double weight, DoseRounding rounding, string option, string found)
    {
        ProblemAssert.One(DoseCalculator.Validate(height, weight, rounding), option, "OPTION_RANGE", found);
    }

    [Fact]
    public void The_dose_problems_read_as_the_command_line_printed_them()
    {
        var problems = DoseCalculator.Validate(0, -3, new DoseRounding(9, -1));
        Assert.Equal(
            [
                "--height: expected centimetres, more than 0 and at most 300, found 0. Give the height in cm (e.g. 170).",
                "--weight: expected kilograms, more than 0 and at most 700, found -3. Give the weight in kg (e.g. 70).",
                "--bsa-decimals: expected 0 to 6, found 9.",
                "--round-mg: expected 0 or more mg, found -1.",
            ],
            problems.Select(p => p.ToString()));
    }

    [Fact]
    public void The_dose_calculator_and_the_BSA_throw_the_same_text()
    {
        var rounding = new DoseRounding(9, -1);
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => DoseCalculator.ComputePlannedDoses(Regimen.Seed, 0, -3, rounding: rounding));
        ProblemAssert.HasText(e, DoseCalculator.Validate(0, -3, rounding));
        Assert.Equal("heightCm", e.ParamName);
        var bsa = Assert.Throws<ArgumentOutOfRangeException>(() => BodySurfaceArea.Compute(170, 0));
        ProblemAssert.HasText(bsa, DoseCalculator.Validate(170, 0, DoseRounding.Protocol));
        Assert.Equal("weightKg", bsa.ParamName);
    }

    // ---- Schedule ----

    [Fact]
    public void Cycle_counts_in_range_have_no_problem()
    {
        ProblemAssert.Valid(TreatmentSchedule.Validate(Regimen.Seed, []));
        ProblemAssert.Valid(TreatmentSchedule.Validate(Regimen.Seed, [4]));
        ProblemAssert.Valid(TreatmentSchedule.Validate(Regimen.Seed, [6, 30]));
    }

    [Theory]
    [InlineData(3)]
    [InlineData(7)]
    [InlineData(-1)]
    public void Induction_cycles_outside_the_regimen_s_range_are_a_problem(int cycles)
    {
        var p = ProblemAssert.One(TreatmentSchedule.Validate(Regimen.Seed, [cycles]), "induction-cycles", "OPTION_RANGE", cycles.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal("4 to 6 (the regimen's range for INDUCTION)", p.Expected);
    }

    [Fact]
    public void Negative_maintenance_cycles_are_a_problem()
    {
        var p = ProblemAssert.One(TreatmentSchedule.Validate(Regimen.Seed, [6, -1]), "maintenance-cycles", "OPTION_RANGE", "-1");
        Assert.Equal("0 or more (the regimen's range for MAINTENANCE)", p.Expected);
    }

    [Fact]
    public void More_counts_than_phases_is_a_problem()
    {
        ProblemAssert.One(TreatmentSchedule.Validate(Regimen.Seed, [6, 2, 1]), "phase-3-cycles", "OPTION_RANGE", "3");
    }

    [Fact]
    public void Every_bad_count_is_reported_and_Create_throws_the_same_text()
    {
        var problems = TreatmentSchedule.Validate(Regimen.Seed, [2, -1]);
        ProblemAssert.Options(problems, "induction-cycles", "maintenance-cycles");
        var e = Assert.Throws<ArgumentException>(() => TreatmentSchedule.Create(Regimen.Seed, FirstDose, [2, -1]));
        ProblemAssert.HasText(e, problems);
        Assert.Equal("cyclesPerPhase", e.ParamName);
    }

    // ---- Regimen files ----

    [Fact]
    public void A_regimen_file_problem_names_the_file_and_the_json_path()
    {
        const string json = """{ "id": "X", "name": "X", "version": "1", "cycleLengthDays": 21, "drugs": [], "phases": [], "delays": {} }""";
        var ex = Assert.Throws<ProtocolFormatException>(() => Regimen.Parse(json, "bad.json"));
        Assert.IsAssignableFrom<ProblemException>(ex);
        Assert.Equal(string.Join(Environment.NewLine, ex.Problems), ex.Message);
        var drugs = Assert.Single(ex.Problems, p => p.Place == "$.drugs");
        Assert.Equal("bad.json", drugs.File);
        Assert.Null(drugs.Option);
        Assert.Equal(ProblemKind.Data, drugs.Kind);
        Assert.Equal(("at least one drug", "an empty array", "List the regimen's drugs."), (drugs.Expected, drugs.Found, drugs.Fix));
        Assert.Equal("bad.json, $.drugs: expected at least one drug, found an empty array. List the regimen's drugs.", drugs.ToString());
        var missing = Assert.Single(ex.Problems, p => p.Place == "$.delays.maxDaysPerEpisode");
        Assert.Equal("PROTOCOL_FIELD_MISSING", missing.Code);
    }

    [Fact]
    public void Each_kind_of_regimen_problem_has_its_code()
    {
        const string json = """
            {
              "id": "X", "name": "X", "version": 1, "cycleLengthDays": 0,
              "drugs": [ { "id": "A", "name": "A", "route": "iv", "dose": { "amount": 1, "unit": "mg", "basis": "flat" }, "days": [2, 1] } ],
              "phases": [ { "id": "P", "name": "P", "drugs": ["A"], "assessmentEveryCycles": 2 } ],
              "delays": { "maxDaysPerEpisode": 14, "maxEpisodesPerCycle": 2 }
            }
            """;
        var ex = Assert.Throws<ProtocolFormatException>(() => Regimen.Parse(json, "codes.json"));
        string Code(string place) => Assert.Single(ex.Problems, p => p.Place == place).Code;
        Assert.Equal("PROTOCOL_FIELD_TYPE", Code("$.version"));
        Assert.Equal("PROTOCOL_FIELD_RANGE", Code("$.cycleLengthDays"));
        Assert.Equal("PROTOCOL_FIELD_RANGE", Code("$.drugs[0].route"));
        Assert.Equal("PROTOCOL_RULE", Code("$.drugs[0].days[1]"));
    }

    [Fact]
    public void A_json_syntax_error_is_a_problem_on_its_line()
    {
        var ex = Assert.Throws<ProtocolFormatException>(() => Regimen.Parse("{\n  \"id\": \n}", "broken.json"));
        var p = Assert.Single(ex.Problems);
        Assert.Equal(("broken.json", 3, "JSON_SYNTAX"), (p.File, p.Line, p.Code));
        Assert.NotNull(ex.InnerException);
    }
}
