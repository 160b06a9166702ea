using System.Globalization;
using OncoTrial.Statistics;

namespace OncoTrial.Clinical.Study.Rules;

/// <summary>
/// OT9001 CHARACTERISTIC_VALUE: an SC SCSTRESC outside what its test allows: ECOG a whole number 0-5, PDL1CPS a number
/// 0-100, NMETSITE a whole number >= 0, PRSURG and PRRADIO Y or N.
/// </summary>
internal sealed class CharacteristicValueRule() : ValidationRule("OT9001", "Baseline characteristics are values their test allows", "ECOG performance status scale (0-5); PD-L1 combined positive score (0-100); Y/N of the seed protocol's prior-therapy tests", "CHARACTERISTIC_VALUE")
{
    internal override IEnumerable<Problem> Find(RuleContext context)
    {
        foreach (var (sc, r) in context.RecordsOf("SC", "SCTESTCD", "SCSTRESC"))
        {
            string test = sc.Value(r, "SCTESTCD"), value = sc.Value(r, "SCSTRESC");
            if (value.Length == 0 || ValueCell.IsMissingValueCode(value))
            {
                continue; // reported by the value rules
            }

            (bool ok, string expected, string fix) = test switch
            {
                "ECOG" => (int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out int ecog) && ecog <= 5, "an ECOG performance status, a whole number 0 to 5", "Write the ECOG grade as a digit 0-5."),
                "PDL1CPS" => (double.TryParse(value, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out double cps) && cps <= 100, "a PD-L1 combined positive score, a number 0 to 100", "Write the score as a number (CPS < 1 as 0, CPS above 100 as 100); keep the text as collected in SCORRES."),
                "NMETSITE" => (int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out _), "a number of metastatic sites, a whole number >= 0", "Write the count as digits."),
                "PRSURG" or "PRRADIO" => (value is "Y" or "N", "Y or N", "Write Y or N; keep the text as collected in SCORRES."),
                _ => (true, string.Empty, string.Empty),
            };
            if (!ok)
            {
                yield return At(sc, r, "SCSTRESC", "CHARACTERISTIC_VALUE", $"{expected} for SCTESTCD {test}", Problem.Quote(value), fix);
            }
        }
    }
}
