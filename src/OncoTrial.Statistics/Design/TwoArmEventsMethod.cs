namespace OncoTrial.Statistics.Design;

/// <summary>How the required number of events of a two-arm log-rank comparison is computed from the hazard ratio.</summary>
public enum TwoArmEventsMethod
{
    /// <summary>
    /// Schoenfeld (1981, 1983): D = (z_α + z_β)² / (r(1 − r) ln(HR)²), r = k/(1 + k) the fraction allocated to the
    /// treatment arm. The default (decision in docs/methods/design-two-arm.md). rpact
    /// <c>getSampleSizeSurvival(typeOfComputation = "Schoenfeld")</c> (rpact's default); SAS PROC POWER TWOSAMPLESURVIVAL
    /// with TEST=LOGRANK uses Lakatos instead.
    /// </summary>
    Schoenfeld,

    /// <summary>
    /// Freedman (1982): D = (z_α + z_β)² (1 + k·HR)² / (k (1 − HR)²), k the allocation ratio treatment:control.
    /// rpact <c>getSampleSizeSurvival(typeOfComputation = "Freedman")</c>.
    /// </summary>
    Freedman,
}
