using OncoTrial.Clinical.Protocol;
using OncoTrial.Reporting.Contracts;
using OncoTrial.Statistics;

namespace OncoTrial.Reporting.Views;

/// <summary>Regimens, schedules and a patient's doses as documents and JSON contracts.</summary>
public static class RegimenReport
{
    /// <summary>The regimen as data.</summary>
    public static RegimenJson ToJson(Regimen r)
    {
        ArgumentNullException.ThrowIfNull(r);
        return new RegimenJson(
            r.Id, r.Name, r.Version, r.CycleLengthDays,
            [.. r.Drugs.Select(d => new RegimenDrugJson(d.Id, d.Route, d.Dose.Amount, Round(d.Dose.Minimum), Round(d.Dose.Maximum), d.Dose.Unit, d.Distribution, Days(d.Days), d.ReductionAllowed, d.DoseLevels, d.MaxDelayDays))],
            [.. r.Phases.Select(p => new RegimenPhaseJson(p.Id, p.Name, p.MinCycles, p.MaxCycles, p.AssessmentEveryCycles, string.Join(",", p.DrugIds)))],
            r.BaselineAssessment, r.Delays.MaxDaysPerEpisode, r.Delays.MaxEpisodesPerCycle, r.DoseTolerance);
    }

    /// <summary>The regimen in words: drugs, phases, assessments, delay limits.</summary>
    public static Document ToDocument(Regimen r)
    {
        ArgumentNullException.ThrowIfNull(r);
        var doc = new DocumentBuilder("Regimen " + r.Id);
        doc.Paragraph($"Regimen {r.Id} (version {r.Version}): {r.Name}");
        if (r.Source is not null)
        {
            doc.Paragraph($"Source: {r.Source}");
        }

        doc.Paragraph($"Cycle length: {Formats.WholeNumber(r.CycleLengthDays)} days");
        doc.Paragraph("Drugs:");
        doc.Table(
            ReportTable.Create(
                null,
                [ColumnHeader.Text("Drug", "drug"), ColumnHeader.Text("Regimen", "regimen")],
                r.Drugs.Select(d =>
                {
                    var parts = new List<string>
                    {
                        DoseText(d.Dose) + (d.Distribution == DoseDistribution.Split ? " per cycle, split over days " + Days(d.Days) : (d.Days.Count == 1 ? " on day " : " on days ") + Days(d.Days)),
                        Vocabulary.Token(d.Route),
                        !d.ReductionAllowed ? "no dose reduction" : d.DoseLevels.Count > 0 ? "dose levels " + string.Join(" -> ", d.DoseLevels.Select(Num)) + " " + d.Dose.Unit : "reduction allowed",
                    };
                    if (d.MaxDelayDays is { } md)
                    {
                        parts.Add($"delays up to {Formats.WholeNumber(md)} days");
                    }

                    return new TableRow([Cell.FromText(d.Id), Cell.FromText(string.Join("; ", parts))]);
                })) with
            { ShowHeader = false },
            indent: 1);
        doc.Paragraph("Phases:");
        doc.Table(
            ReportTable.Create(
                null,
                [ColumnHeader.Text("Phase", "phase"), ColumnHeader.Text("Plan", "plan")],
                r.Phases.Select(p =>
                {
                    string cycles = p.MaxCycles is { } max ? (p.MinCycles == max ? Formats.Invariant($"{max} cycles") : Formats.Invariant($"{p.MinCycles}-{max} cycles")) : p.StopRule ?? "open-ended";
                    return new TableRow([Cell.FromText(p.Name), Cell.FromText(Formats.Invariant($"{cycles}: {string.Join(", ", p.DrugIds)}; tumour assessment every {p.AssessmentEveryCycles} cycles"))]);
                })) with
            { ShowHeader = false },
            indent: 1);
        doc.Paragraph("Assessments: " + (r.BaselineAssessment ? "baseline, then " : string.Empty) + "per phase as above");
        doc.Paragraph(Formats.Invariant($"Delays: at most {r.Delays.MaxDaysPerEpisode} days per episode, at most {r.Delays.MaxEpisodesPerCycle} episodes per cycle; a start within {r.Delays.StartToleranceDays} days of the planned date is on time"));
        doc.Paragraph(Formats.Invariant($"Dose tolerance for deviations: {r.DoseTolerance * 100:0.#}%"));
        return doc.Build();
    }

    /// <summary>A schedule as data.</summary>
    public static ScheduleJson ToJson(Regimen r, TreatmentSchedule s)
    {
        ArgumentNullException.ThrowIfNull(r);
        ArgumentNullException.ThrowIfNull(s);
        return new ScheduleJson(
            r.Id, s.FirstDose, r.CycleLengthDays,
            [.. s.Cycles.Select(c => new ScheduleCycleJson(c.Cycle, c.Phase.Name, c.CycleInPhase, c.Day1, c.DrugIds))],
            [.. s.Assessments.Select(a => new ScheduleAssessmentJson(a.Label, a.Date, a.AfterCycle))]);
    }

    /// <summary>A schedule: cycle day-1 dates and tumour assessment dates.</summary>
    public static Document ToDocument(Regimen r, TreatmentSchedule s)
    {
        ArgumentNullException.ThrowIfNull(r);
        ArgumentNullException.ThrowIfNull(s);
        var doc = new DocumentBuilder("Schedule of " + r.Id);
        doc.Paragraph(Formats.Invariant($"Schedule of {r.Id} from first dose {Formats.Date(s.FirstDose)} ({r.CycleLengthDays}-day cycles, no delays): ") + string.Join(", ", r.Phases.Select((p, i) => Formats.Invariant($"{s.CyclesPerPhase[i]} {p.Name}"))) + " cycles");
        doc.Table(ReportTable.Create(
            null,
            [ColumnHeader.Text("Cycle", "cycle"), ColumnHeader.Text("Phase (cycle)", "phase"), ColumnHeader.Text("Day 1", "day1"), ColumnHeader.Text("Drugs", "drugs")],
            s.Cycles.Select(c => new TableRow([Cell.FromCount(c.Cycle), Cell.FromText(c.Phase.Name + " " + Formats.WholeNumber(c.CycleInPhase)), Cell.FromText(Formats.Date(c.Day1)), Cell.FromText(string.Join(", ", c.DrugIds))]))));
        doc.Paragraph("Tumour assessments");
        doc.Table(
            ReportTable.Create(
                null,
                [ColumnHeader.Text("Assessment", "label"), ColumnHeader.Text("Date", "date")],
                s.Assessments.Select(a => new TableRow([Cell.FromText(a.Label), Cell.FromText((a.AfterCycle == 0 ? "on or before " : string.Empty) + Formats.Date(a.Date))]))) with
            { ShowHeader = false },
            indent: 1);
        foreach (var p in r.Phases.Where(p => p.MaxCycles is null))
        {
            doc.Paragraph($"{p.Name} continues {p.StopRule ?? "open-ended"}; --maintenance-cycles N lists N of its cycles.");
        }

        return doc.Build();
    }

    /// <summary>A patient's doses as data.</summary>
    public static DoseJson ToJson(PatientDosing d)
    {
        ArgumentNullException.ThrowIfNull(d);
        return new DoseJson(
            d.Regimen.Id, d.HeightCm, d.WeightKg, d.Formula, d.BsaUnrounded, d.Bsa, d.Rounding.BsaDecimals, d.Rounding.DoseStepMg,
            [.. d.Doses.Select(p => new DrugDoseJson(
                p.Drug.Id, p.Drug.Dose.Amount, Round(p.Drug.Dose.Minimum), Round(p.Drug.Dose.Maximum), p.Drug.Dose.Unit, p.Drug.Distribution, p.Drug.Days,
                Amount(p.PerAdministration), Amount(p.PerCycle)))]);
    }

    /// <summary>A patient's doses: BSA and each drug's dose per administration and per cycle.</summary>
    public static Document ToDocument(PatientDosing d)
    {
        ArgumentNullException.ThrowIfNull(d);
        var doc = new DocumentBuilder("Planned doses");
        string bsa = Formats.Number(d.Bsa, "0." + new string('0', Math.Max(d.Rounding.BsaDecimals, 1)));
        doc.Paragraph(Formats.Invariant($"Patient: height {Num(d.HeightCm)} cm, weight {Num(d.WeightKg)} kg; BSA {bsa} m2 ({Vocabulary.Token(d.Formula)} {d.BsaUnrounded:0.0000}, rounded to {d.Rounding.BsaDecimals} decimals)"));
        doc.Table(ReportTable.Create(
            null,
            [ColumnHeader.Text("Drug", "drug"), ColumnHeader.Text("Protocol dose", "protocol_dose"), ColumnHeader.Text("Per administration", "per_administration"), ColumnHeader.Text("Days", "days"), ColumnHeader.Text("Per cycle", "per_cycle")],
            d.Doses.Select(p => new TableRow([
                Cell.FromText(p.Drug.Id),
                Cell.FromText(DoseText(p.Drug.Dose) + (p.Drug.Distribution == DoseDistribution.Split ? " (split)" : string.Empty)),
                Cell.Formatted(Mg(p.PerAdministration), p.PerAdministration.Nominal, p.PerAdministration.Minimum, p.PerAdministration.Maximum),
                Cell.FromText(Days(p.Drug.Days)),
                Cell.Formatted(Mg(p.PerCycle), p.PerCycle.Nominal, p.PerCycle.Minimum, p.PerCycle.Maximum)]))));
        if (d.Rounding.DoseStepMg > 0)
        {
            doc.Paragraph($"Doses rounded to the nearest {Num(d.Rounding.DoseStepMg)} mg.");
        }

        return doc.Build();
    }

    private static MgAmountJson Amount(MgAmount a) => new(Math.Round(a.Nominal, 6), Round(a.Minimum), Round(a.Maximum));

    private static double? Round(double? v) => v is { } x ? Math.Round(x, 6) : null;

    private static string DoseText(DoseSpec d) => d.IsRange ? $"{Num(d.Minimum!.Value)}-{Num(d.Maximum!.Value)} {d.Unit}" : $"{Num(d.Amount)} {d.Unit}";

    private static string Mg(MgAmount a) => a.Minimum is { } lo && a.Maximum is { } hi && lo != hi ? $"{Num(lo)}-{Num(hi)} mg" : $"{Num(a.Nominal)} mg";

    private static string Days(IReadOnlyList<int> days)
    {
        var parts = new List<string>();
        for (int i = 0; i < days.Count;)
        {
            int j = i;
            while (j + 1 < days.Count && days[j + 1] == days[j] + 1)
            {
                j++;
            }

            parts.Add(j == i ? Formats.WholeNumber(days[i]) : $"{Formats.WholeNumber(days[i])}-{Formats.WholeNumber(days[j])}");
            i = j + 1;
        }

        return string.Join(",", parts);
    }

    private static string Num(double v) => Formats.Number(v, "0.##");
}
