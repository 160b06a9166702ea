namespace OncoTrial.Clinical.Endpoints;

/// <summary>
/// Which regulator's event and censoring conventions a time-to-event derivation follows. The rules differ only for
/// events after missed assessments, new anticancer therapy and a death with no adequate post-baseline assessment; see
/// docs/decisions/0003-censoring.md for the table.
/// </summary>
public enum CensoringConvention
{
    /// <summary>
    /// FDA, "Clinical Trial Endpoints for the Approval of Cancer Drugs and Biologics" (2018; 2007 Appendix 3 Table A).
    /// Censor at the last adequate assessment when there is no event; new anticancer therapy before the event censors at
    /// the last adequate assessment on or before it; an event after two or more missed assessments censors at the last
    /// adequate assessment before the gap; no adequate post-baseline assessment censors at the start date unless death
    /// falls within the window. The default (primary analysis).
    /// </summary>
    Fda,

    /// <summary>
    /// EMA, Appendix 1 to the anticancer guideline (EMA/CHMP/27994/2008/Rev.1): a treatment-policy analysis. Progression
    /// or death is counted at its observed date whatever came before it: missed assessments and new anticancer therapy
    /// do not censor, and a death with no adequate assessment is an event whenever it occurs (before the cutoff). No
    /// event: censor at the last adequate assessment, those after new therapy included.
    /// </summary>
    Ema,
}

/// <summary>Which ADSL date the time-to-event endpoints count from (day 1), with its ADaM variable.</summary>
public enum StartDateSource
{
    /// <summary>First dose of study treatment, ADSL.TRTSDT (single-arm trials; admiralonco's <c>trts_censor</c>). The default.</summary>
    FirstDose,

    /// <summary>Randomisation, ADSL.RANDDT (randomised trials; admiralonco's <c>rand_censor</c>).</summary>
    Randomization,

    /// <summary>Enrolment, ADSL.ENRLDT.</summary>
    Enrolment,
}

/// <summary>The ADaM variable and description of a <see cref="StartDateSource"/>.</summary>
public static class StartDateSources
{
    /// <summary>The ADSL variable: TRTSDT, RANDDT or ENRLDT.</summary>
    public static string ToVariable(this StartDateSource source) => source switch
    {
        StartDateSource.FirstDose => "TRTSDT",
        StartDateSource.Randomization => "RANDDT",
        StartDateSource.Enrolment => "ENRLDT",
        _ => throw new ArgumentOutOfRangeException(nameof(source), source, "source: expected a StartDateSource member."),
    };

    /// <summary>The censoring-date description (CNSDTDSC): "Treatment Start", "Randomization" or "Enrolment".</summary>
    public static string ToDescription(this StartDateSource source) => source switch
    {
        StartDateSource.FirstDose => "Treatment Start",
        StartDateSource.Randomization => "Randomization",
        StartDateSource.Enrolment => "Enrolment",
        _ => throw new ArgumentOutOfRangeException(nameof(source), source, "source: expected a StartDateSource member."),
    };
}
