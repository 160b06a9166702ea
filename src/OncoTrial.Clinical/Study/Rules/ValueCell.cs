using System.Globalization;
using OncoTrial.Clinical.Data;
using OncoTrial.Statistics;

namespace OncoTrial.Clinical.Study.Rules;

/// <summary>
/// One value of a documented variable in one record: what the value rules (OT1010-OT1014, OT3001, OT3002) look at.
/// Their conditions exclude each other, so a value has at most one problem: empty, a missing-value code, not of
/// its type, or outside its allowed values, in that order.
/// </summary>
/// <param name="Domain">The domain file.</param>
/// <param name="Record">The record.</param>
/// <param name="Variable">The variable.</param>
/// <param name="Value">The value as read.</param>
/// <param name="IsRequired">True when the profile requires a value (SDTMIG Req, or the profile's own required variables).</param>
/// <param name="Codelist">The codelist of the variable under the profile, or null.</param>
internal readonly record struct ValueCell(StudyDomain Domain, CsvRecord Record, VariableSpec Variable, string Value, bool IsRequired, Codelist? Codelist)
{
    /// <summary>
    /// Codes that stand for a missing value; SDTM leaves the field empty instead. NONE and UNKNOWN are not among them:
    /// they are terms of several codelists (AEOUT, AEACN, causality scales). A term of the variable's codelist is never
    /// a missing-value code (NA and U of No Yes Response).
    /// </summary>
    public static readonly HashSet<string> MissingValueCodes = new(StringComparer.OrdinalIgnoreCase)
    {
        "N/A", "NA", "ND", "NULL", ".", "-", "UNK", "NAN", "MISSING",
    };

    /// <summary>True when the field is empty.</summary>
    public bool IsEmpty => Value.Length == 0;

    /// <summary>True when the field holds a missing-value code (<c>N/A</c>, <c>UNK</c>, ...).</summary>
    public bool IsMissingCode => !IsEmpty && IsMissingValueCode(Value) && Codelist?.Contains(Value) != true;

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
    public bool IsAllowed => Codelist is null || Codelist.Contains(Value);

    /// <summary>The value quoted for the Found part of a message.</summary>
    public string Quoted => Problem.Quote(Value);

    /// <summary>True when a value (trimmed) is a missing-value code.</summary>
    public static bool IsMissingValueCode(string value) => MissingValueCodes.Contains(value.Trim());

    /// <summary>
    /// Every value of every documented variable present, domain by domain, record by record, in documented variable
    /// order, with what the profile says of its variable. Values with U+FFFD are left out: the file is reported once as
    /// ENCODING.
    /// </summary>
    public static IEnumerable<ValueCell> All(StudyFolder study, ValidationProfile profile)
    {
        foreach (var domain in study.Domains.Values)
        {
            var present = domain.Spec.Variables.Where(v => domain.Has(v.Name))
                .Select(v => (Spec: v, Index: domain.Table.IndexOf(v.Name), Required: profile.Requires(domain.Spec, v), Codelist: profile.CodelistOf(domain.Spec, v)))
                .ToArray();
            foreach (var r in domain.Table.Records)
            {
                foreach (var (v, index, required, codelist) in present)
                {
                    string value = r.Fields[index];
                    if (!value.Contains('\uFFFD', StringComparison.Ordinal))
                    {
                        yield return new ValueCell(domain, r, v, value, required, codelist);
                    }
                }
            }
        }
    }
}
