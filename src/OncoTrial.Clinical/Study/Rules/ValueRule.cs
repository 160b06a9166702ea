using OncoTrial.Statistics;

namespace OncoTrial.Clinical.Study.Rules;

/// <summary>A rule about single values (<see cref="ValueCell"/>): one code, at most one problem per value.</summary>
internal abstract class ValueRule(string id, string title, string source, string code, ProblemSeverity severity = ProblemSeverity.Error) : ValidationRule(id, title, source, severity, code)
{
    private static readonly HashSet<string> UnitVariables = new(StringComparer.Ordinal) { "EXDOSU", "TRSTRESU", "VSSTRESU" };

    internal sealed override IEnumerable<Problem> Find(RuleContext context) => context.Values.Select(Check).OfType<Problem>();

    /// <summary>
    /// The problems of several value rules in one pass over the values, so that they come record by record and, in
    /// a record, in documented variable order (the rules exclude each other: a value has at most one problem).
    /// </summary>
    internal static IEnumerable<Problem> FindAll(IReadOnlyList<ValueRule> rules, RuleContext context) =>
        from cell in context.Values
        from rule in rules
        let problem = rule.Check(cell)
        where problem is not null
        select problem;

    /// <summary>The problem of one value, or null.</summary>
    private protected abstract Problem? Check(ValueCell cell);

    /// <summary>A problem of this rule about a value: its file, line, row and variable; found = the value quoted.</summary>
    private protected Problem At(ValueCell cell, string expected, string fix) =>
        At(cell.Domain, cell.Record, cell.Variable.Name, Codes[0], expected, cell.Quoted, fix);

    /// <summary>True for the variables whose values are units (EXDOSU, TRSTRESU, VSSTRESU; OT1014 checks them).</summary>
    internal static bool IsUnitVariable(string name) => UnitVariables.Contains(name);

    /// <summary>True when a value of the right type is outside its allowed values; <paramref name="unit"/> picks the unit variables or the others.</summary>
    private protected static bool IsNotAllowed(ValueCell cell, bool unit) =>
        cell.HasValue && !cell.IsAllowed && UnitVariables.Contains(cell.Variable.Name) == unit && cell.IsOfType;

    /// <summary>The allowed values, comma-separated.</summary>
    private protected static string AllowedList(ValueCell cell) => string.Join(", ", cell.Codelist?.Terms ?? []);

    /// <summary>The fix for a value outside the allowed ones: the near miss (case, blanks) when there is one, else the list.</summary>
    private protected static string AllowedFix(ValueCell cell)
    {
        string? near = (cell.Codelist?.Terms ?? []).FirstOrDefault(a => string.Equals(a, cell.Value.Trim(), StringComparison.OrdinalIgnoreCase));
        return near is not null ? $"Write {near} (exact case, no blanks)." : $"Use one of: {AllowedList(cell)}.";
    }
}
