namespace OncoTrial.Statistics;

/// <summary>
/// A covariate of a Cox model: numeric (one term) or categorical (k − 1 dummy terms against a reference level,
/// R treatment contrasts, SAS <c>CLASS x / PARAM=REF</c>). Build with <see cref="Numeric"/> or <see cref="Categorical"/>.
/// </summary>
/// <param name="Name">The name used in term names and messages.</param>
public abstract record CoxCovariate(string Name)
{
    /// <summary>Number of observations.</summary>
    internal abstract int Count { get; }

    /// <summary>Number of model terms this covariate expands to.</summary>
    internal abstract int TermCount { get; }

    /// <summary>A numeric covariate entering the linear predictor as β·x; values must be finite.</summary>
    /// <param name="name">Covariate name.</param>
    /// <param name="values">One finite value per observation.</param>
    public static CoxCovariate Numeric(string name, IReadOnlyList<double> values)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentNullException.ThrowIfNull(values);
        return new NumericCoxCovariate(name, values);
    }

    /// <summary>
    /// A categorical covariate: levels in ordinal string order (as <see cref="Factor"/>), the first or the named
    /// <paramref name="reference"/> level as reference, and one 0/1 dummy term <c>name=level</c> per other level.
    /// </summary>
    /// <param name="name">Covariate name.</param>
    /// <param name="values">One non-null level per observation.</param>
    /// <param name="reference">The reference level, or null for the first level in ordinal order.</param>
    public static CoxCovariate Categorical(string name, IReadOnlyList<string> values, string? reference = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentNullException.ThrowIfNull(values);
        return new CategoricalCoxCovariate(name, values, reference);
    }

    /// <summary>Appends the problems of this covariate (wrong length, missing or non-finite values) to <paramref name="problems"/>.</summary>
    internal abstract void Validate(int n, List<string> problems);

    /// <summary>Adds the term names.</summary>
    internal abstract void AddTermNames(List<string> names);

    /// <summary>Adds one column of n values per term (a numeric covariate given as an array adds that array itself, not a copy; it is only read).</summary>
    internal abstract void AddColumns(List<double[]> columns);
}

/// <summary>A numeric covariate (see <see cref="CoxCovariate.Numeric"/>).</summary>
internal sealed record NumericCoxCovariate(string Name, IReadOnlyList<double> Values) : CoxCovariate(Name)
{
    internal override int Count => Values.Count;

    internal override int TermCount => 1;

    internal override void Validate(int n, List<string> problems)
    {
        if (Values.Count != n)
        {
            problems.Add(SurvivalInput.Invariant($"covariate {Name}: expected one value per observation ({n}), found {Values.Count}. Pass columns of equal length."));
            return;
        }

        ReadOnlySpan<double> values = Values is double[] array ? array : [.. Values];
        for (int i = 0; i < n; i++)
        {
            double v = values[i];
            if (!double.IsFinite(v))
            {
                problems.Add(SurvivalInput.Invariant($"covariate {Name}, row {i}: expected a finite number, found {v}. Drop incomplete rows (complete cases) or impute the value."));
                return;
            }
        }
    }

    internal override void AddTermNames(List<string> names) => names.Add(Name);

    internal override void AddColumns(List<double[]> columns) => columns.Add(Values as double[] ?? [.. Values]);
}

/// <summary>A categorical covariate (see <see cref="CoxCovariate.Categorical"/>).</summary>
internal sealed record CategoricalCoxCovariate : CoxCovariate
{
    private readonly IReadOnlyList<string> _values;
    private readonly string? _reference;
    private Factor? _factor;

    public CategoricalCoxCovariate(string name, IReadOnlyList<string> values, string? reference)
        : base(name)
    {
        _values = values;
        _reference = reference;
    }

    internal override int Count => _values.Count;

    internal override int TermCount => Factor.Levels.Count - 1;

    private Factor Factor => _factor ??= Factor.Create(_values, _reference);

    internal override void Validate(int n, List<string> problems)
    {
        if (_values.Count != n)
        {
            problems.Add(SurvivalInput.Invariant($"covariate {Name}: expected one level per observation ({n}), found {_values.Count}. Pass columns of equal length."));
            return;
        }

        for (int i = 0; i < n; i++)
        {
            if (_values[i] is null)
            {
                problems.Add(SurvivalInput.Invariant($"covariate {Name}, row {i}: expected a level, found null. Drop incomplete rows (complete cases) or give the value a level."));
                return;
            }
        }

        if (_reference is not null)
        {
            bool found = false;
            for (int i = 0; i < n && !found; i++)
            {
                found = string.Equals(_values[i], _reference, StringComparison.Ordinal);
            }

            if (!found)
            {
                problems.Add(SurvivalInput.Invariant($"covariate {Name}: reference level \"{_reference}\" does not occur in the data. Name an existing level."));
                return;
            }
        }

        if (Factor.Levels.Count < 2)
        {
            problems.Add(SurvivalInput.Invariant($"covariate {Name}: expected at least two levels, found only \"{Factor.Levels[0]}\". Drop the covariate."));
        }
    }

    internal override void AddTermNames(List<string> names)
    {
        for (int l = 1; l < Factor.Levels.Count; l++)
        {
            names.Add(Name + "=" + Factor.Levels[l]);
        }
    }

    internal override void AddColumns(List<double[]> columns)
    {
        ReadOnlySpan<int> codes = Factor.Codes;
        int first = columns.Count;
        for (int l = 1; l < Factor.Levels.Count; l++)
        {
            columns.Add(new double[codes.Length]);
        }

        for (int i = 0; i < codes.Length; i++)
        {
            int c = codes[i];
            if (c > 0)
            {
                columns[first + c - 1][i] = 1.0;
            }
        }
    }
}
