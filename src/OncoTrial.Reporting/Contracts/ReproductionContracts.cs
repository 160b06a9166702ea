using OncoTrial.ReferenceCohort;

namespace OncoTrial.Reporting.Contracts;

/// <summary>One published value beside the computed one (<c>oncotrial reproduce --format json</c>).</summary>
/// <param name="Id">The id of published-values.json, with a suffix for a part (<c>pfs_median/lower</c>, <c>ae_table/Leukopenia/ae_any</c>).</param>
/// <param name="Published">The value as printed; null for NE or not reached.</param>
/// <param name="Computed">The computed value, full precision; null when not estimable.</param>
/// <param name="Tolerance">The largest difference counted as within.</param>
/// <param name="Verdict">exact, within or differs.</param>
/// <param name="Note">How it was computed, the reading followed, or why it is only within.</param>
public sealed record ReproducedValueJson(string Id, double? Published, double? Computed, double Tolerance, ReproductionVerdict Verdict, string? Note);

/// <summary>Counts by verdict.</summary>
public sealed record ReproductionCountsJson(int Exact, int Within, int Differs);

/// <summary><c>oncotrial reproduce --format json</c>: every published value of the paper beside the computed one.</summary>
/// <param name="Study">The study analysed.</param>
/// <param name="Method">The conventions of the computation.</param>
/// <param name="Values">One record per published number.</param>
/// <param name="Counts">Counts by verdict.</param>
/// <param name="Readings">Where the paper contradicts itself, the reading followed.</param>
public sealed record ReproductionJson(string Study, string Method, IReadOnlyList<ReproducedValueJson> Values, ReproductionCountsJson Counts, IReadOnlyList<string> Readings);
