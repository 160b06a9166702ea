using OncoTrial.Statistics;

namespace OncoTrial.Clinical.Study.Rules;

/// <summary>OT1010 VALUE_MISSING: a required variable (SDTMIG Req, or required by the profile) is empty.</summary>
internal sealed class ValueMissingRule() : ValueRule("OT1010", "A required variable has a value in every record", "SDTMIG 3.4 §4.1.5 (a Req variable is never null); the profile's required variables", "VALUE_MISSING")
{
    private protected override Problem? Check(ValueCell cell) => cell.IsEmpty && cell.IsRequired
        ? At(cell, $"a value ({cell.Variable.Description.TrimEnd('.')})", $"Fill in {cell.Variable.Name}; it is required in every record.")
        : null;
}
