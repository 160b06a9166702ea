namespace OncoTrial.Clinical.Ctcae;

/// <summary>Which subjects a criterion row applies to.</summary>
public enum CriterionApplies
{
    /// <summary>Every subject.</summary>
    Always,

    /// <summary>Subjects whose baseline was normal (or missing), "if baseline was normal".</summary>
    BaselineNormal,

    /// <summary>Subjects whose baseline was abnormal, "if baseline was abnormal".</summary>
    BaselineAbnormal,

    /// <summary>An "or x baseline" clause that an option can switch off (creatinine), skipped without a baseline.</summary>
    BaselineClause,
}

/// <summary>What a criterion compares.</summary>
public enum CriterionMeasure
{
    /// <summary>The value itself.</summary>
    Value,

    /// <summary>(baseline − value) / baseline × 100.</summary>
    PercentLossFromBaseline,

    /// <summary>Clinical-only text (e.g. "life-threatening"); never matched by a value, kept for the source text.</summary>
    Clinical,
}

/// <summary>What a criterion's factor multiplies.</summary>
public enum CriterionBasis
{
    /// <summary>An absolute cut-off in <see cref="LabCriterion.Unit"/>.</summary>
    Absolute,

    /// <summary>factor × upper limit of normal.</summary>
    UpperLimit,

    /// <summary>factor × lower limit of normal.</summary>
    LowerLimit,

    /// <summary>factor × baseline value.</summary>
    Baseline,
}

/// <summary>
/// One row of the embedded criteria file <c>Ctcae/ctcae-v5.0-lab-criteria.csv</c>: a clause of one term's grade.
/// Clauses of the same grade are joined by "or" (CTCAE's ';'). Grades are tried from the most severe down.
/// </summary>
/// <param name="Version">CTCAE version, "5.0".</param>
/// <param name="Term">CTCAE term.</param>
/// <param name="Direction">L (decreasing) or H (increasing).</param>
/// <param name="TestCode">LBTESTCD / VSTESTCD graded by this row.</param>
/// <param name="Quantity">The quantity, which names the unit conversions (cell-count, haemoglobin, ...).</param>
/// <param name="Grade">The grade the clause gives.</param>
/// <param name="Applies">Which subjects the clause applies to.</param>
/// <param name="Measure">What is compared.</param>
/// <param name="Operator">&lt;, &lt;=, &gt; or &gt;= ("" for clinical rows).</param>
/// <param name="Factor">The cut-off, or the multiple of the basis.</param>
/// <param name="Basis">What the factor multiplies.</param>
/// <param name="Unit">The unit of an absolute cut-off ("" for ratios).</param>
/// <param name="SourceText">CTCAE v5.0 wording of the grade.</param>
/// <param name="Comment">The judgement made in encoding it ("" when none).</param>
/// <param name="Line">Line in the criteria file.</param>
public sealed record LabCriterion(
    string Version,
    string Term,
    char Direction,
    string TestCode,
    string Quantity,
    CtcaeGrade Grade,
    CriterionApplies Applies,
    CriterionMeasure Measure,
    string Operator,
    decimal? Factor,
    CriterionBasis? Basis,
    string Unit,
    string SourceText,
    string Comment,
    int Line)
{
    /// <summary>The machine rule as text, e.g. "x &gt; 3.0 × ULN".</summary>
    public string Rule => Measure switch
    {
        CriterionMeasure.Clinical => "clinical",
        _ => (Measure == CriterionMeasure.PercentLossFromBaseline ? "% loss " : "x ") + Operator + " " + Basis switch
        {
            CriterionBasis.UpperLimit => Factor + " × ULN",
            CriterionBasis.LowerLimit => Factor + " × LLN",
            CriterionBasis.Baseline => Factor + " × baseline",
            _ => Factor + " " + Unit,
        },
    };
}
