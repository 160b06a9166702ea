using OncoTrial.Statistics;

namespace OncoTrial.Clinical.Study.Rules;

/// <summary>
/// OT1011 MISSING_CODE: <c>N/A</c>, <c>NA</c>, <c>UNK</c>, ... instead of an empty field in a number or date variable, or
/// in one that requires a value. In other text variables the code is a warning (OT1017).
/// </summary>
internal sealed class MissingCodeRule() : ValueRule("OT1011", "A missing number, date or required value is an empty field, not a code", "SDTMIG 3.4 §4.1.5 and §4.4.7 (a missing value is null; numbers and ISO 8601 dates have no codes)", "MISSING_CODE")
{
    private protected override Problem? Check(ValueCell cell) =>
        cell.IsMissingCode && (cell.IsRequired || cell.Variable.Type != VariableType.Text) ? At(cell, Expected(cell), Fix(cell)) : null;

    /// <summary>What the field should hold.</summary>
    internal static string Expected(ValueCell cell) => cell.IsRequired ? "a value" : "a value or an empty field";

    /// <summary>How to mend a missing-value code.</summary>
    internal static string Fix(ValueCell cell) =>
        "SDTM has no missing-value codes: leave the field empty when the value is missing" + (cell.IsRequired ? $", and {cell.Variable.Name} is required." : ".");
}

/// <summary>OT1017 MISSING_CODE: a missing-value code in an optional text variable, where it could be a real term.</summary>
internal sealed class MissingTextCodeRule() : ValueRule("OT1017", "A missing text value is an empty field, not a code", "SDTMIG 3.4 §4.1.5 (a missing value is null)", "MISSING_CODE", ProblemSeverity.Warning)
{

    private protected override Problem? Check(ValueCell cell) =>
        cell.IsMissingCode && !cell.IsRequired && cell.Variable.Type == VariableType.Text ? At(cell, MissingCodeRule.Expected(cell), MissingCodeRule.Fix(cell)) : null;
}
