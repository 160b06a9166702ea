namespace OncoTrial.Statistics.Design;

/// <summary>How the significance level α of a design is spent.</summary>
public enum Sidedness
{
    /// <summary>
    /// Two-sided test at level α: the critical value is z₁₋α/₂ (1.959963985 for α = 0.05). The default; the
    /// paper's single-arm design. R <c>qnorm(1 - alpha / 2)</c>; SAS PROC POWER <c>SIDES=2</c>.
    /// </summary>
    TwoSided,

    /// <summary>One-sided test at level α: the critical value is z₁₋α. R <c>qnorm(1 - alpha)</c>; SAS <c>SIDES=1</c>.</summary>
    OneSided,
}
