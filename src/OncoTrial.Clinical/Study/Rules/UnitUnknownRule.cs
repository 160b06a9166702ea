using OncoTrial.Statistics;

namespace OncoTrial.Clinical.Study.Rules;

/// <summary>OT1014 UNIT_UNKNOWN: a dose (EXDOSU), tumour measurement (TRSTRESU) or vital-sign (VSSTRESU) unit outside the known units.</summary>
internal sealed class UnitUnknownRule() : ValueRule("OT1014", "Units are among the known units", "CDISC SDTM controlled terminology C71620 Unit and C66770 (extensible); the profile's units", "UNIT_UNKNOWN", ProblemSeverity.Warning)
{

    private protected override Problem? Check(ValueCell cell) =>
        IsNotAllowed(cell, unit: true) ? At(cell, $"a known unit ({AllowedList(cell)}; {cell.Codelist})", AllowedFix(cell) + " Convert the value if it was recorded in another unit.") : null;
}
