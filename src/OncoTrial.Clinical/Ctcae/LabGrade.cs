namespace OncoTrial.Clinical.Ctcae;

/// <summary>Why a value could not be graded.</summary>
public enum NotGradableReason
{
    /// <summary>The term has no lab or vital-sign criteria in the table.</summary>
    UnknownTerm,

    /// <summary>No numeric value.</summary>
    MissingValue,

    /// <summary>The term has absolute cut-offs but the value has no unit.</summary>
    MissingUnit,

    /// <summary>The unit is not one the term's quantity knows, or cannot be converted to the criteria's unit.</summary>
    UnitNotConvertible,

    /// <summary>The grade depends on the lower limit of normal, which is missing.</summary>
    MissingLowerLimit,

    /// <summary>The grade depends on the upper limit of normal, which is missing.</summary>
    MissingUpperLimit,

    /// <summary>The grade depends on the baseline value, which is missing (or not positive).</summary>
    MissingBaseline,

    /// <summary>The band reached needs clinical data the value cannot give (e.g. hypertension grade 2 "if previously WNL").</summary>
    NeedsClinicalData,
}

/// <summary>
/// The outcome of grading one value: a grade 0-4 (<see cref="IsGradable"/>) with the criterion row that gave it, or
/// not gradable with the reason. Never a grade 0 standing in for "could not tell".
/// </summary>
public sealed record LabGrade
{
    private LabGrade(CtcaeGrade? grade, NotGradableReason? reason, LabCriterion? criterion, string detail)
    {
        Grade = grade;
        Reason = reason;
        Criterion = criterion;
        Detail = detail;
    }

    /// <summary>The grade, or null when not gradable.</summary>
    public CtcaeGrade? Grade { get; }

    /// <summary>Why not gradable, or null when graded.</summary>
    public NotGradableReason? Reason { get; }

    /// <summary>The criterion row that matched (null for grade 0 and when not gradable).</summary>
    public LabCriterion? Criterion { get; }

    /// <summary>A sentence saying how the grade was reached or why not.</summary>
    public string Detail { get; }

    /// <summary>True when <see cref="Grade"/> has a value.</summary>
    public bool IsGradable => Grade is not null;

    /// <summary>A graded result.</summary>
    public static LabGrade Graded(CtcaeGrade grade, LabCriterion? criterion, string detail) => new(grade, null, criterion, detail);

    /// <summary>A not-gradable result.</summary>
    public static LabGrade NotGradable(NotGradableReason reason, string detail) => new(null, reason, null, detail);

    /// <inheritdoc/>
    public override string ToString() => Grade is { } g ? "grade " + g : $"not gradable ({Reason}): {Detail}";
}
