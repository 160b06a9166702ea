namespace OncoTrial.Reporting.Contracts;

/// <summary>
/// <c>ard.json</c>: every number of a report as analysis-results records, in the vocabulary of the CDISC Analysis Results
/// Standard (ARS v1.0: reporting event, analysis sets, methods, outputs, operation results with raw and formatted
/// values) and statistic names of the pharmaverse ARD (<c>n</c>, <c>N</c>, <c>p</c>, <c>conf.low</c>, <c>conf.high</c>,
/// <c>estimate</c>, <c>p.value</c>). See docs/methods/report.md.
/// </summary>
/// <param name="Standard">What the file follows, in words.</param>
/// <param name="ReportingEvent">The study and its data cutoff.</param>
/// <param name="AnalysisSets">The analysis sets the records refer to.</param>
/// <param name="Methods">The methods the records refer to (one per output, from the results' options).</param>
/// <param name="Outputs">The tables and figures.</param>
/// <param name="Results">One record per number.</param>
public sealed record AnalysisResultsJson(
    string Standard,
    ReportingEventJson ReportingEvent,
    IReadOnlyList<AnalysisSetJson> AnalysisSets,
    IReadOnlyList<AnalysisMethodJson> Methods,
    IReadOnlyList<OutputJson> Outputs,
    IReadOnlyList<AnalysisResultJson> Results);

/// <summary>The ARS reporting event: the study and the data it was run on.</summary>
/// <param name="Id">DM STUDYID.</param>
/// <param name="Name">The report's title.</param>
/// <param name="DataCutoff">TS DCUTDTC (ISO 8601), or null when the study states none.</param>
public sealed record ReportingEventJson(string Id, string Name, string? DataCutoff);

/// <summary>An ARS analysis set.</summary>
/// <param name="Id">Its id (<c>screened</c>, <c>safety</c>, <c>efficacy</c>).</param>
/// <param name="Label">Its name.</param>
/// <param name="Condition">Who is in it, in words.</param>
/// <param name="N">Its size.</param>
/// <param name="Subjects">Its subjects.</param>
public sealed record AnalysisSetJson(string Id, string Label, string Condition, int N, IReadOnlyList<string> Subjects);

/// <summary>An ARS analysis method: the methods behind one output, in words from the results' options.</summary>
/// <param name="Id">Its id (<c>method-</c> and the output's id).</param>
/// <param name="Description">The methods, population and conventions (the output's footnotes).</param>
public sealed record AnalysisMethodJson(string Id, string Description);

/// <summary>An ARS output: a table or figure of the report.</summary>
/// <param name="Id">Its id (<c>table-2-response</c>, <c>figure-2-km-pfs</c>).</param>
/// <param name="Name">Its title.</param>
/// <param name="Type"><c>table</c> or <c>figure</c>.</param>
/// <param name="AnalysisSetId">The analysis set it is computed on.</param>
/// <param name="MethodId">Its method.</param>
/// <param name="Files">The files of the output in the report folder, relative to it.</param>
public sealed record OutputJson(string Id, string Name, string Type, string AnalysisSetId, string MethodId, IReadOnlyList<string> Files);

/// <summary>One number of an output (an ARS operation result).</summary>
/// <param name="OutputId">The table or figure.</param>
/// <param name="Group">The row group's label (a table section), or null.</param>
/// <param name="RowKey">The row's stable key (e.g. <c>bor/CR</c>, <c>curve/total</c>).</param>
/// <param name="RowLabel">The row's label as shown.</param>
/// <param name="Column">The column's key (e.g. <c>total</c>, <c>arma_n</c>), or for a figure the time (<c>month/3</c>); null when none.</param>
/// <param name="ColumnLabel">The column's label with the headers above it (" / " between), or null.</param>
/// <param name="OperationId">The statistic: <c>n</c>, <c>N</c>, <c>p</c>, <c>estimate</c>, <c>conf.low</c>, <c>conf.high</c>, <c>p.value</c>, <c>median</c>, <c>n.risk</c>, <c>surv</c>, <c>hr</c>, ...</param>
/// <param name="RawValue">The value unrounded (a proportion 0-1 for <c>p</c>); null when not estimable.</param>
/// <param name="FormattedValue">The cell's or figure's display text.</param>
/// <param name="AnalysisSetId">The analysis set.</param>
/// <param name="MethodId">The method.</param>
/// <param name="Subjects">The subjects behind the number (USUBJID).</param>
public sealed record AnalysisResultJson(
    string OutputId,
    string? Group,
    string RowKey,
    string RowLabel,
    string? Column,
    string? ColumnLabel,
    string OperationId,
    double? RawValue,
    string FormattedValue,
    string AnalysisSetId,
    string MethodId,
    IReadOnlyList<string> Subjects);
