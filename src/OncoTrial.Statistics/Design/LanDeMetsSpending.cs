using System.Text.Json.Serialization;

namespace OncoTrial.Statistics.Design;

/// <summary>The Lan-DeMets (1983) alpha-spending function of a group-sequential design, one-sided level α.</summary>
public enum LanDeMetsSpending
{
    /// <summary>
    /// O'Brien-Fleming type: α(t) = 2 − 2Φ(Φ⁻¹(1 − α/2)/√t) (Lan &amp; DeMets 1983; Jennison &amp; Turnbull 2000, eq. 7.5).
    /// rpact <c>typeOfDesign = "asOF"</c> (which uses the same α/2 quantile for its one-sided designs); gsDesign
    /// <c>sfLDOF</c>.
    /// </summary>
    [JsonStringEnumMemberName("obf")]
    OBrienFleming,

    /// <summary>
    /// Pocock type: α(t) = α ln(1 + (e − 1)t) (Lan &amp; DeMets 1983; Jennison &amp; Turnbull 2000, eq. 7.6).
    /// rpact <c>typeOfDesign = "asP"</c>; gsDesign <c>sfLDPocock</c>.
    /// </summary>
    Pocock,
}
