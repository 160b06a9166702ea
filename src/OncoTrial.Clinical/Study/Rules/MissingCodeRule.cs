using OncoTrial.Statistics;

namespace OncoTrial.Clinical.Study.Rules;

/// <summary>OT1011 MISSING_CODE: <c>N/A</c>, <c>NA</c>, <c>UNK</c>, ... instead of an empty field.</summary>
internal sealed class MissingCodeRule() : ValueRule("OT1011", "A missing value is an empty field, not a code", "SDTMIG 3.4 (a missing value is null)", "MISSING_CODE")
{
    private protected override Problem? Check(ValueCell cell)
    {
        if (!cell.IsMissingCode)
        {
            return null;
        }

        var v = cell.Variable;
        return At(cell, v.Required ? "a value" : "a value or an empty field", "SDTM has no missing-value codes: leave the field empty when the value is missing" + (v.Required ? $", and {v.Name} is required." : "."));
    }
}
