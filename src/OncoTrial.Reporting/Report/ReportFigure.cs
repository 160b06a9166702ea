using OncoTrial.Reporting.Figures;

namespace OncoTrial.Reporting.Report;

/// <summary>
/// One number a figure shows (a box count, a median, a number at risk, a hazard ratio, a bar's height), for the
/// analysis-results file: what a reader of the figure reads off it, with the subjects behind it.
/// </summary>
/// <param name="RowKey">What the number belongs to, stable (e.g. <c>box/enrolled</c>, <c>curve/total</c>, <c>subject/S1</c>, <c>sex/F</c>).</param>
/// <param name="RowLabel">The same in words, as the figure prints it.</param>
/// <param name="Column">The column (arm key, <c>total</c>) or the time (e.g. <c>month/3</c>); null when the figure has none.</param>
/// <param name="Statistic">The statistic, in the analysis-results vocabulary (<c>n</c>, <c>median</c>, <c>conf.low</c>, <c>hr</c>, <c>p.value</c>, ...).</param>
/// <param name="Value">The value, unrounded; null when not estimable.</param>
/// <param name="Subjects">The subjects behind the number (empty when not applicable).</param>
public sealed record FigureValue(string RowKey, string RowLabel, string? Column, string Statistic, double? Value, IReadOnlyList<string> Subjects);

/// <summary>
/// A figure of the report: the laid-out figure (rendered to SVG and PNG by every back end), its number and caption, the
/// notes printed under it (population, methods), the analysis set it is drawn from and the numbers it shows.
/// </summary>
/// <param name="Id">The stable id, <c>figure-N-name</c> (e.g. <c>figure-2-km-pfs</c>): the SVG/PNG file name and the page's anchor.</param>
/// <param name="Title">The caption, "Figure N. ...".</param>
/// <param name="Figure">The figure model.</param>
/// <param name="Notes">Lines under the figure: population, N, methods, data cutoff.</param>
/// <param name="AnalysisSet">The name of the analysis set the figure is drawn from (e.g. "Efficacy analysis set").</param>
/// <param name="Values">The numbers the figure shows.</param>
public sealed record ReportFigure(string Id, string Title, Figure Figure, IReadOnlyList<string> Notes, string AnalysisSet, IReadOnlyList<FigureValue> Values)
{
    /// <summary>
    /// The base id of the table the figure belongs beside (the forest plot beside its subgroup table:
    /// <c>subgroups-pfs</c>, matching the table id <c>table-N-subgroups-pfs</c>), or null for a figure of its own.
    /// </summary>
    public string? BesideTable { get; init; }
}
