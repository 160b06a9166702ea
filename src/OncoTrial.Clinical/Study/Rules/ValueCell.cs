using System.Globalization;
using OncoTrial.Clinical.Data;
using OncoTrial.Statistics;

namespace OncoTrial.Clinical.Study.Rules;

/// <summary>
/// One value of a documented variable in one record: what the value rules (OT1010-OT1014, OT3001, OT3002) look at.
/// Their conditions exclude each other, so a value has at most one problem: empty, a missing-value code, not of
/// its type, or outside its allowed values, in that order.
/// </summary>
internal readonly record struct ValueCell(StudyDomain Domain, CsvRecord Record, VariableSpec Variable, string Value)
{
    /// <summary>Codes that stand for a missing value; SDTM leaves the field empty instead.</summary>
    public static readonly HashSet<string> MissingValueCodes = new(StringComparer.OrdinalIgnoreCase)
    {
        "N/A", "NA", "ND", "NULL", "NONE", ".", "-", "UNK", "UNKNOWN", "NAN", "MISSING",
    };

    /// <summary>True when the field is empty.</summary>
    public bool IsEmpty => Value.Length == 0;

    /// <summary>True when the field holds a missing-value code (<c>N/A</c>, <c>UNK</c>, ...).</summary>
    public bool IsMissingCode => !IsEmpty && IsMissingValueCode(Value);

    /// <summary>True when the field holds something other than a missing-value code.</summary>
    public bool HasValue => !IsEmpty && !IsMissingCode;

    /// <summary>True when the value is of the variable's type (text always is).</summary>
    public bool IsOfType => Variable.Type switch
    {
        VariableType.WholeNumber => int.TryParse(Value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out _),
        VariableType.Number => double.TryParse(Value, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint | NumberStyles.AllowExponent, CultureInfo.InvariantCulture, out double x) && double.IsFinite(x),
        VariableType.Date => PartialDate.TryParse(Value, out _),
        _ => true,
    };

    /// <summary>True when the variable has no list of allowed values or the value is in it.</summary>
    public bool IsAllowed => Variable.Allowed.Count == 0 || Variable.Allowed.Contains(Value, StringComparer.Ordinal);

    /// <summary>The value quoted for the Found part of a message.</summary>
    public string Quoted => Problem.Quote(Value);

    /// <summary>True when a value (trimmed) is a missing-value code.</summary>
    public static bool IsMissingValueCode(string value) => MissingValueCodes.Contains(value.Trim());

    /// <summary>
    /// Every value of every documented variable present, domain by domain, record by record, in documented variable
    /// order. Values with U+FFFD are left out: the file is reported once as ENCODING.
    /// </summary>
    public static IEnumerable<ValueCell> All(StudyFolder study)
    {
        foreach (var domain in study.Domains.Values)
        {
            var present = domain.Spec.Variables.Where(v => domain.Has(v.Name)).Select(v => (Spec: v, Index: domain.Table.IndexOf(v.Name))).ToArray();
            foreach (var r in domain.Table.Records)
            {
                foreach (var (v, index) in present)
                {
                    string value = r.Fields[index];
                    if (!value.Contains('\uFFFD', StringComparison.Ordinal))
                    {
                        yield return new ValueCell(domain, r, v, value);
                    }
                }
            }
        }
    }
}
