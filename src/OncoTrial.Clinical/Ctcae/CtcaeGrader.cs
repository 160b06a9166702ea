using System.Globalization;

namespace OncoTrial.Clinical.Ctcae;

/// <summary>
/// The baseline of a subject's test: its value, the unit (null: the graded value's unit), and the baseline record's
/// own ULN and reference range indicator (LBNRIND) for the "baseline was abnormal" rules.
/// </summary>
public sealed record LabBaseline(decimal Value, string? Unit = null, decimal? UpperLimit = null, string? ReferenceRangeIndicator = null);

/// <summary>
/// Grades a lab or vital-sign value against the CTCAE criteria file (<see cref="CtcaeCriteria"/>) under the
/// <see cref="CtcaeOptions"/>. Grades are tried from the most severe down; the first clause met gives the grade;
/// a clause that needs a missing LLN, ULN or baseline stops the search (not gradable) unless an option says otherwise.
/// Arithmetic is in <see cref="decimal"/>, so "x &gt; 3 × ULN" is exact at the boundary.
/// </summary>
public sealed class CtcaeGrader
{
    /// <summary>A grader with the given options (default <see cref="CtcaeOptions.Default"/>) and criteria (default v5.0).</summary>
    public CtcaeGrader(CtcaeOptions? options = null, CtcaeCriteria? criteria = null)
    {
        Options = options ?? CtcaeOptions.Default;
        Criteria = criteria ?? CtcaeCriteria.V5;
    }

    /// <summary>CTCAE v5.0 with the default options.</summary>
    public static CtcaeGrader Default { get; } = new();

    /// <summary>The options in force.</summary>
    public CtcaeOptions Options { get; }

    /// <summary>The criteria graded against.</summary>
    public CtcaeCriteria Criteria { get; }

    /// <summary>Grades one value.</summary>
    /// <param name="term">CTCAE term, e.g. "Neutrophil count decreased" (case ignored).</param>
    /// <param name="value">The value (null: not gradable).</param>
    /// <param name="unit">Its unit; needed for terms with absolute cut-offs, converted to the criteria's unit.</param>
    /// <param name="lowerLimit">LLN, in <paramref name="unit"/>.</param>
    /// <param name="upperLimit">ULN, in <paramref name="unit"/>.</param>
    /// <param name="baseline">The subject's baseline for this test, when known.</param>
    /// <param name="onOrBeforeFirstDose">True for the baseline record and earlier records (see <see cref="BaselineRecordGrading"/>).</param>
    /// <param name="testCode">The test, for terms graded from several tests (Hypertension: SYSBP or DIABP).</param>
    /// <exception cref="ArgumentException">The term is graded from several tests and <paramref name="testCode"/> is missing.</exception>
    public LabGrade Grade(
        string term,
        decimal? value,
        string? unit,
        decimal? lowerLimit = null,
        decimal? upperLimit = null,
        LabBaseline? baseline = null,
        bool onOrBeforeFirstDose = false,
        string? testCode = null)
    {
        ArgumentNullException.ThrowIfNull(term);
        IReadOnlyList<LabCriterion> rows = Criteria.For(term);
        if (rows.Count == 0)
        {
            return LabGrade.NotGradable(NotGradableReason.UnknownTerm, $"'{term}' has no lab or vital-sign criteria in CTCAE v{Criteria.Version}.");
        }

        var tests = rows.Select(r => r.TestCode).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        if (testCode is not null)
        {
            rows = rows.Where(r => string.Equals(r.TestCode, testCode.Trim(), StringComparison.OrdinalIgnoreCase)).ToList();
            if (rows.Count == 0)
            {
                return LabGrade.NotGradable(NotGradableReason.UnknownTerm, $"'{term}' is not graded from test {testCode}.");
            }
        }
        else if (tests.Count > 1)
        {
            throw new ArgumentException($"'{term}' is graded per test ({string.Join(", ", tests)}): give testCode.", nameof(testCode));
        }

        if (value is not { } x0)
        {
            return LabGrade.NotGradable(NotGradableReason.MissingValue, "No numeric value.");
        }

        string quantity = rows[0].Quantity;
        bool needsUnit = rows.Any(r => r.Measure == CriterionMeasure.Value && r.Basis == CriterionBasis.Absolute);
        decimal factor = 1m;
        string? key = null;
        if (!string.IsNullOrWhiteSpace(unit))
        {
            if (CtcaeUnits.TryConvert(quantity, unit, out string k, out decimal f))
            {
                key = k;
                factor = f;
            }
            else if (needsUnit)
            {
                return LabGrade.NotGradable(NotGradableReason.UnitNotConvertible, $"Unit '{unit}' is not a {quantity} unit the criteria know.");
            }
        }
        else if (needsUnit)
        {
            return LabGrade.NotGradable(NotGradableReason.MissingUnit, $"'{term}' has absolute cut-offs and the value has no unit.");
        }

        if (needsUnit)
        {
            rows = rows.Where(r => r.Unit.Length == 0 || (CtcaeUnits.TryConvert(quantity, r.Unit, out string rk, out _) && rk == key)).ToList();
            if (!rows.Any(r => r.Basis == CriterionBasis.Absolute))
            {
                return LabGrade.NotGradable(NotGradableReason.UnitNotConvertible, $"Unit '{unit}' cannot be converted to the unit of the '{term}' criteria.");
            }
        }

        decimal x = x0 * factor;
        decimal? lo = lowerLimit * factor, hi = upperLimit * factor;
        decimal? b = null, bHi = null;
        if (baseline is not null)
        {
            decimal bFactor = factor;
            if (!string.IsNullOrWhiteSpace(baseline.Unit) && !string.IsNullOrWhiteSpace(unit)
                && CtcaeUnits.Normalise(baseline.Unit) != CtcaeUnits.Normalise(unit))
            {
                if (key is null || !CtcaeUnits.TryConvert(quantity, baseline.Unit, out string bk, out bFactor) || bk != key)
                {
                    return LabGrade.NotGradable(NotGradableReason.UnitNotConvertible, $"Baseline unit '{baseline.Unit}' cannot be converted to '{unit}'.");
                }
            }

            b = baseline.Value * bFactor;
            bHi = baseline.UpperLimit * bFactor;
        }

        bool abnormal = false;
        if (rows.Any(r => r.Applies is CriterionApplies.BaselineAbnormal) && baseline is not null
            && !(onOrBeforeFirstDose && Options.BaselineRecordGrading == BaselineRecordGrading.UpperLimitRules))
        {
            if (Options.AbnormalBaseline == AbnormalBaseline.AdmiralReferenceRangeIndicator)
            {
                abnormal = string.Equals(baseline.ReferenceRangeIndicator?.Trim(), "HIGH", StringComparison.OrdinalIgnoreCase);
            }
            else if ((bHi ?? hi) is { } limit)
            {
                abnormal = b > limit;
            }
            else
            {
                return LabGrade.NotGradable(NotGradableReason.MissingUpperLimit, "No ULN to tell whether the baseline was abnormal.");
            }
        }

        var active = rows.Where(r => r.Measure != CriterionMeasure.Clinical && r.Applies switch
        {
            CriterionApplies.BaselineNormal => !abnormal,
            CriterionApplies.BaselineAbnormal => abnormal,
            CriterionApplies.BaselineClause => Options.CreatinineBaseline == CreatinineBaseline.AdmiralLiteral,
            _ => true,
        }).ToList();

        string path = rows.Any(r => r.Applies is CriterionApplies.BaselineAbnormal) ? (abnormal ? " (baseline abnormal)" : " (baseline normal)") : string.Empty;
        foreach (var grade in active.Select(r => r.Grade).Distinct().OrderDescending())
        {
            NotGradableReason? unknown = null;
            foreach (var c in active.Where(r => r.Grade == grade))
            {
                var (met, missing) = Evaluate(c, x, lo, hi, b);
                if (met)
                {
                    var result = LabGrade.Graded(grade, c, string.Create(CultureInfo.InvariantCulture, $"{Show(c, x, b)}: {c.Rule}{path} gives grade {grade} (CTCAE v{c.Version} '{c.SourceText}')."));
                    return HypertensionCheck(result, c, b);
                }

                unknown ??= missing;
            }

            if (unknown is { } reason)
            {
                if (grade.Value == 1 && Options.MissingNormalLimit == MissingNormalLimit.PharmaForestGradeZero
                    && reason is NotGradableReason.MissingLowerLimit or NotGradableReason.MissingUpperLimit)
                {
                    continue;
                }

                return LabGrade.NotGradable(reason, string.Create(CultureInfo.InvariantCulture, $"{Show(active[0], x, b)}: grade {grade} needs the {Name(reason)}."));
            }
        }

        return LabGrade.Graded(CtcaeGrade.Zero, null, string.Create(CultureInfo.InvariantCulture, $"{Show(active[0], x, b)}: no criterion of '{term}'{path} is met (grade 0)."));
    }

    /// <summary>Grades a blood-pressure pair: the worse of the systolic and diastolic grades (not gradable only if both are).</summary>
    public LabGrade GradeBloodPressure(decimal? systolic, decimal? diastolic, string? unit = "mmHg", LabBaseline? systolicBaseline = null, LabBaseline? diastolicBaseline = null)
    {
        var s = Grade("Hypertension", systolic, unit, baseline: systolicBaseline, testCode: "SYSBP");
        var d = Grade("Hypertension", diastolic, unit, baseline: diastolicBaseline, testCode: "DIABP");
        return (s.Grade, d.Grade) switch
        {
            (null, null) => s,
            (null, _) => d,
            (_, null) => s,
            var (sg, dg) => dg > sg ? d : s,
        };
    }

    private LabGrade HypertensionCheck(LabGrade result, LabCriterion c, decimal? baseline)
    {
        if (c.Quantity != "blood-pressure" || c.Grade.Value != 2 || Options.HypertensionGrade2 != HypertensionGrade2.PreviouslyNormalOnly)
        {
            return result;
        }

        decimal normalBelow = Criteria.For(c.Term).First(r => r.TestCode == c.TestCode && r.Grade.Value == 1).Factor ?? 0m;
        return baseline is null
            ? LabGrade.NotGradable(NotGradableReason.NeedsClinicalData, "Hypertension grade 2 from a reading needs a baseline within normal limits ('if previously WNL'); there is no baseline.")
            : baseline >= normalBelow
                ? LabGrade.NotGradable(NotGradableReason.NeedsClinicalData, string.Create(CultureInfo.InvariantCulture, $"Hypertension grade 2 from a reading needs a baseline within normal limits ('if previously WNL'); baseline {baseline} >= {normalBelow}."))
                : result;
    }

    private static (bool Met, NotGradableReason? Missing) Evaluate(LabCriterion c, decimal x, decimal? lo, decimal? hi, decimal? b)
    {
        decimal lhs;
        if (c.Measure == CriterionMeasure.PercentLossFromBaseline)
        {
            if (b is not { } bv || bv <= 0m)
            {
                return (false, NotGradableReason.MissingBaseline);
            }

            lhs = (bv - x) * 100m / bv;
        }
        else
        {
            lhs = x;
        }

        decimal k = c.Factor ?? 0m;
        decimal rhs;
        switch (c.Basis)
        {
            case CriterionBasis.UpperLimit when hi is { } h:
                rhs = k * h;
                break;
            case CriterionBasis.UpperLimit:
                return (false, NotGradableReason.MissingUpperLimit);
            case CriterionBasis.LowerLimit when lo is { } l:
                rhs = k * l;
                break;
            case CriterionBasis.LowerLimit:
                return (false, NotGradableReason.MissingLowerLimit);
            case CriterionBasis.Baseline when b is { } bb:
                rhs = k * bb;
                break;
            case CriterionBasis.Baseline:
                return (false, c.Applies == CriterionApplies.BaselineClause ? null : NotGradableReason.MissingBaseline);
            default:
                rhs = k;
                break;
        }

        bool met = c.Operator switch
        {
            "<" => lhs < rhs,
            "<=" => lhs <= rhs,
            ">" => lhs > rhs,
            ">=" => lhs >= rhs,
            _ => throw new InvalidOperationException($"Criteria line {c.Line}: unknown operator '{c.Operator}'."),
        };
        return (met, null);
    }

    private static string Show(LabCriterion c, decimal x, decimal? b) => c.Measure == CriterionMeasure.PercentLossFromBaseline && b is { } bv && bv > 0m
        ? string.Create(CultureInfo.InvariantCulture, $"{x} vs baseline {bv}: {Math.Round((bv - x) * 100m / bv, 2)}% loss")
        : string.Create(CultureInfo.InvariantCulture, $"x = {x}{(c.Unit.Length > 0 && c.Basis == CriterionBasis.Absolute ? " " + c.Unit : string.Empty)}");

    private static string Name(NotGradableReason reason) => reason switch
    {
        NotGradableReason.MissingLowerLimit => "lower limit of normal (LLN), which is missing",
        NotGradableReason.MissingUpperLimit => "upper limit of normal (ULN), which is missing",
        NotGradableReason.MissingBaseline => "baseline, which is missing",
        _ => reason.ToString(),
    };
}
