using OncoTrial.Statistics;

namespace OncoTrial.Clinical.Study.Rules;

/// <summary>OT1010 VALUE_MISSING: a required variable is empty.</summary>
internal sealed class ValueMissingRule() : ValueRule("OT1010", "A required variable has a value in every record", "seed protocol (docs/data-format.md: required variables)", "VALUE_MISSING")
{
    private protected override Problem? Check(ValueCell cell) => cell.IsEmpty && cell.Variable.Required
        ? At(cell, $"a value ({cell.Variable.Description.TrimEnd('.')})", $"Fill in {cell.Variable.Name}; it is required in every record.")
        : null;
}
