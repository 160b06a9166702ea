namespace OncoTrial.ReferenceCohort.Generation;

/// <summary>
/// The days of one subject's course that the adverse-event, laboratory and vital-sign generators place events on.
/// Cycles are numbered from 1 across phases; study day 1 is the first dose and there is no day 0.
/// </summary>
internal sealed class AdverseTimeline
{
    /// <summary>Days after the last dose during which an AE onset is treatment-emergent (SafetyOptions.Default).</summary>
    public const int TreatmentEmergentWindowDays = 30;

    /// <summary>The regimen's cycle length.</summary>
    public const int CycleLength = 21;

    /// <summary>The timeline of a course.</summary>
    /// <exception cref="ArgumentException">The course's first cycle does not start on day 1.</exception>
    public AdverseTimeline(SubjectCourse course)
    {
        ArgumentNullException.ThrowIfNull(course);
        if (course.CycleDays.Count == 0 || course.CycleDays[0] != 1)
        {
            throw new ArgumentException($"{course.Subject}: expected cycle 1 to start on day 1, found cycles on days [{string.Join(", ", course.CycleDays)}].", nameof(course));
        }

        Course = course;
        LastContactDay = Math.Min(course.LastKnownAliveDay, course.DeathDay ?? int.MaxValue);

        // The last cycle's day 1 is dosed whatever the AEs stop: benmelstobart, or anlotinib when benmelstobart is
        // withdrawn. The window counts from it when anlotinib's last days might be withdrawn, so that no onset leaves
        // the treatment-emergent window once the exposure builder applies the withdrawals.
        WindowEnd = Math.Min(Math.Min(course.LastDoseDay, DayOne(Cycles)) + TreatmentEmergentWindowDays, LastContactDay);
    }

    /// <summary>The course.</summary>
    public SubjectCourse Course { get; }

    /// <summary>The last day anything can be recorded: the death day, or the last day known alive.</summary>
    public int LastContactDay { get; }

    /// <summary>
    /// The last day of a treatment-emergent onset that the subject lived to: 30 days after the last dose that no AE
    /// withdrawal can take away (the last cycle's day 1, or the last dose when earlier), the death day or the last contact.
    /// </summary>
    public int WindowEnd { get; }

    /// <summary>The number of cycles started.</summary>
    public int Cycles => Course.CycleDays.Count;

    /// <summary>The number of induction cycles started (cycles 1 to this one carry chemotherapy).</summary>
    public int InductionCycles => Math.Min(Course.InductionCycles, Cycles);

    /// <summary>Day 1 of a cycle (1-based).</summary>
    public int DayOne(int cycle) => Course.CycleDays[cycle - 1];

    /// <summary>Day 1 of the cycle after <paramref name="cycle"/>, or null after the last cycle.</summary>
    public int? NextDayOne(int cycle) => cycle < Cycles ? Course.CycleDays[cycle] : null;

    /// <summary>The cycle a day falls in (the last cycle for days after it; cycle 1 for days before day 1).</summary>
    public int CycleOf(int day)
    {
        int cycle = 1;
        for (int i = 0; i < Cycles; i++)
        {
            if (Course.CycleDays[i] <= day)
            {
                cycle = i + 1;
            }
        }

        return cycle;
    }

    /// <summary>True when the cycle after <paramref name="cycle"/> started more than one cycle length later (a postponed cycle).</summary>
    public bool IsNextCycleDelayed(int cycle) => NextDayOne(cycle) is { } next && next - DayOne(cycle) > CycleLength;

    /// <summary>The calendar date of a study day.</summary>
    public DateOnly Date(int day) => Course.FirstDose.AddDays(day > 0 ? day - 1 : day);

    /// <summary>
    /// The cycles in which an event of the term can begin at that grade, its onset within the treatment-emergent window:
    /// related chemotherapy toxicity only in induction cycles, hypothyroidism from cycle 3, a weight loss of grade g from
    /// cycle g + 1 (weight is lost over cycles), alopecia after the first or second paclitaxel infusion.
    /// </summary>
    public IReadOnlyList<int> CandidateCycles(AdverseTerm term, bool isRelated, int grade)
    {
        ArgumentNullException.ThrowIfNull(term);
        bool induction = isRelated && term.IsChemotherapyToxicity;
        var (first, last, earliest) = term.Timing switch
        {
            AdverseTiming.Nadir => (1, induction ? InductionCycles : Cycles, 7),
            AdverseTiming.AfterInfusion => (1, induction ? InductionCycles : Cycles, 1),
            AdverseTiming.OnAnlotinib => (1, Cycles, 3),
            AdverseTiming.AnyTime => (1, Cycles, 2),
            AdverseTiming.FromCycle3 => (3, Cycles, 0),
            AdverseTiming.AtWeighing => (grade + 1, Cycles, 0),
            AdverseTiming.HairLoss => (1, Math.Min(2, InductionCycles), 14),
            _ => (2, Cycles, 0),
        };

        var cycles = new List<int>();
        for (int k = first; k <= last; k++)
        {
            if (DayOne(k) + earliest <= WindowEnd)
            {
                cycles.Add(k);
            }
        }

        return cycles;
    }

    /// <summary>A weight for drawing subjects: longer courses have more events.</summary>
    public double Exposure => 1.0 + Math.Sqrt(Math.Max(0, WindowEnd) / (double)CycleLength);
}
