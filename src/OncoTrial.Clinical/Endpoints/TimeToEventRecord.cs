namespace OncoTrial.Clinical.Endpoints;

/// <summary>
/// One ADTTE record: one subject, one parameter. <see cref="AnalysisValueDays"/> = ADT − STARTDT + 1 (admiral
/// <c>derive_vars_duration(add_one = TRUE)</c>), <see cref="AnalysisValueMonths"/> = days / 30.4375.
/// </summary>
/// <param name="SubjectId">USUBJID.</param>
/// <param name="ParamCode">PARAMCD: PFS, OS, DOR or TTR.</param>
/// <param name="Param">PARAM, e.g. "Progression-Free Survival".</param>
/// <param name="StartDate">STARTDT: day 1 (start date, or the first response date for DoR).</param>
/// <param name="AnalysisDate">ADT: the event or censoring date, never before STARTDT.</param>
/// <param name="Rule">The rule that decided the record; gives CNSR.</param>
/// <param name="EventDescription">EVNTDESC: the event, or the censoring reason.</param>
/// <param name="CensorDateDescription">CNSDTDSC: what the censoring date is; null for events.</param>
/// <param name="SourceDomain">SRCDOM, e.g. ADRS or ADSL; null when the date has no source record (data cutoff).</param>
/// <param name="SourceVariable">SRCVAR, e.g. ADT, DTHDT, LSTALVDT.</param>
/// <param name="SourceSequence">SRCSEQ: the source record's sequence number, null when unknown or not a per-record source.</param>
/// <param name="Options">The options that produced the record.</param>
public sealed record TimeToEventRecord(
    string SubjectId,
    string ParamCode,
    string Param,
    DateOnly StartDate,
    DateOnly AnalysisDate,
    TimeToEventRule Rule,
    string EventDescription,
    string? CensorDateDescription,
    string? SourceDomain,
    string? SourceVariable,
    int? SourceSequence,
    EndpointOptions Options)
{
    /// <summary>CNSR: 0 = event; censored: 1-4 for the reason of <see cref="Rule"/>, or 1 under <see cref="CensorCoding.Admiral"/> (<see cref="EndpointOptions.CensorCoding"/>).</summary>
    public int Censor => Rule.ToCensorCode(Options.CensorCoding);

    /// <summary>True when CNSR = 0.</summary>
    public bool IsEvent => Rule.IsEvent();

    /// <summary>AVAL in days: ADT − STARTDT + 1 (≥ 1).</summary>
    public int AnalysisValueDays => AnalysisDate.DayNumber - StartDate.DayNumber + 1;

    /// <summary>AVAL in months: days / <see cref="EndpointOptions.DaysPerMonth"/> (30.4375).</summary>
    public double AnalysisValueMonths => AnalysisValueDays / EndpointOptions.DaysPerMonth;
}
