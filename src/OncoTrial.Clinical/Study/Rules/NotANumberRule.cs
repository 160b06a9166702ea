using OncoTrial.Statistics;

namespace OncoTrial.Clinical.Study.Rules;

/// <summary>OT1012 NOT_A_NUMBER: an integer or number column holds text, a decimal comma or a unit.</summary>
internal sealed class NotANumberRule() : ValueRule("OT1012", "Numbers are written with digits and a decimal point", "SDTMIG 3.4 (numeric variables hold numbers; docs/data-format.md: numbers)", "NOT_A_NUMBER")
{
    private protected override Problem? Check(ValueCell cell)
    {
        if (!cell.HasValue || cell.IsOfType)
        {
            return null;
        }

        bool comma = LooksLikeDecimalComma(cell.Value);
        return cell.Variable.Type switch
        {
            VariableType.WholeNumber => At(cell, "a whole number", comma ? "Use a dot as the decimal separator; this column takes whole numbers." : "Write digits only (no units, blanks or text)."),
            VariableType.Number => At(cell, "a number with a dot as the decimal separator", comma ? "Use a dot as the decimal separator." : "Write the number only (no units, blanks or text)."),
            _ => null,
        };
    }

    private static bool LooksLikeDecimalComma(string value)
    {
        int comma = value.IndexOf(',', StringComparison.Ordinal);
        return comma > 0 && comma < value.Length - 1 && value.Count(c => c == ',') == 1
            && value.Remove(comma, 1).TrimStart('-').All(char.IsAsciiDigit);
    }
}
