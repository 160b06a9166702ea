namespace OncoTrial.ReferenceCohort.Generation;

/// <summary>
/// The CTCAE grades a lab or vital-sign record of one day may take for one term, so that the project's cross-check
/// (CtcaeCrossCheck) finds nothing: within an AE's dates the record's grade is at most the AE's grade, and exactly
/// it on the AE's onset day (the record that shows the event); outside every AE of the term a post-baseline record
/// stays below grade 3; a record on or before the first dose is normal.
/// </summary>
/// <param name="Max">The highest grade allowed.</param>
/// <param name="Exact">The grade required on an onset day, or null.</param>
/// <param name="IsCovered">True when an AE of the term covers the day.</param>
/// <param name="IsPreTreatment">True on or before the first dose.</param>
internal readonly record struct AdverseGradeLimit(int Max, int? Exact, bool IsCovered, bool IsPreTreatment)
{
    /// <summary>True when a record may have the grade.</summary>
    public bool Allows(int grade) => grade <= Max && (Exact is null || grade == Exact);

    /// <summary>True when some grade is allowed.</summary>
    public bool IsSatisfiable => Exact is null || Exact <= Max;

    /// <summary>The limit for a CTCAE term on a day, from the subject's AE episodes (matched through the CTCAE AE term map).</summary>
    public static AdverseGradeLimit For(string ctcaeTerm, int day, IEnumerable<AdverseEpisode> episodes)
    {
        bool pre = day <= 1;
        int max = pre ? 0 : 2;
        bool covered = false;
        int? exact = null;
        foreach (var e in episodes)
        {
            if (!e.Covers(day) || !string.Equals(e.CtcaeTerm, ctcaeTerm, StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            max = covered ? Math.Min(max, e.Grade) : e.Grade;
            covered = true;
            if (e.StartDay == day)
            {
                exact = e.Grade;
            }
        }

        if (pre && exact is null)
        {
            max = 0;
        }

        return new AdverseGradeLimit(max, exact, covered, pre);
    }

    /// <summary>
    /// A grade to aim at: the onset grade; within an AE its grade or one less; otherwise normal (now and then grade 1).
    /// <paramref name="wide"/> draws from every allowed grade (a fallback when the preferred ones cannot be combined).
    /// </summary>
    public int Choose(Random random, bool wide)
    {
        ArgumentNullException.ThrowIfNull(random);
        if (Exact is { } e)
        {
            return e;
        }

        if (wide)
        {
            return random.Next(Max + 1);
        }

        if (IsCovered)
        {
            return Math.Max(0, Max - random.Next(2));
        }

        return IsPreTreatment || random.NextDouble() < 0.85 ? 0 : Math.Min(1, Max);
    }
}
