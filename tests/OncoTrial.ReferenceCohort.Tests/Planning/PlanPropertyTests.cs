using System.Text.Json;
using OncoTrial.Clinical.Recist;
using OncoTrial.ReferenceCohort.Planning;

namespace OncoTrial.ReferenceCohort.Tests.Planning;

/// <summary>Determinism and plausibility: the plan is one a real trial could have produced under the protocol.</summary>
public class PlanPropertyTests
{
    private static readonly JsonSerializerOptions Json = new() { WriteIndented = false };

    [Fact]
    public void The_same_seed_gives_the_same_plan()
    {
        var again = OutcomePlanner.Plan(ReferencePlan.Seed);
        Assert.Equal(JsonSerializer.Serialize(ReferencePlan.Plan, Json), JsonSerializer.Serialize(again, Json));
    }

    [Fact]
    public void Another_seed_gives_another_plan_that_also_meets_every_figure()
    {
        var other = OutcomePlanner.Plan(ReferencePlan.Seed + 1);
        Assert.NotEqual(JsonSerializer.Serialize(ReferencePlan.Plan, Json), JsonSerializer.Serialize(other, Json));
        Assert.Empty(PlanFigures.Compute(other).Misses());
    }

    [Fact]
    public void Every_scan_is_on_the_protocol_calendar_within_its_window_and_the_baseline_within_28_days_before_day_1()
    {
        foreach (var s in ReferencePlan.Subjects)
        {
            Assert.InRange(s.BaselineScanDay, -ProtocolCalendar.BaselineWindowDays, -1);
            Assert.InRange(s.ScreeningDay, -ProtocolCalendar.BaselineWindowDays, s.BaselineScanDay);
            for (int k = 0; k < s.Scans.Count; k++)
            {
                var scan = s.Scans[k];
                Assert.Equal(ProtocolCalendar.NominalScanDay(k, s.Treatment.InductionCycles, s.Treatment.EnteredMaintenance), scan.NominalDay);
                Assert.InRange(scan.Day - scan.NominalDay, -ProtocolCalendar.ScanWindowDays, ProtocolCalendar.ScanWindowDays);
                Assert.Equal(ProtocolCalendar.VisitName(scan.NominalDay), scan.Visit);
            }
        }
    }

    [Fact]
    public void Nothing_happens_after_death_or_the_cutoff_and_deaths_come_after_the_last_scan()
    {
        var cutoff = ReferencePlan.Plan.DataCutoff;
        foreach (var s in ReferencePlan.Subjects)
        {
            int cutoffDay = cutoff.DayNumber - s.FirstDoseDate.DayNumber + 1;
            int end = s.Death?.Day ?? cutoffDay;
            Assert.InRange(end, 1, cutoffDay);
            Assert.All(s.Scans, x => Assert.True(x.Day < (s.Death?.Day ?? cutoffDay + 1)));
            Assert.InRange(s.LastKnownAliveDay, s.Scans.Count > 0 ? s.Scans[^1].Day : 1, end);
            Assert.All(s.SubsequentTherapies, t => Assert.InRange(t.StartDay, s.Progression!.ScanDay + 1, end));
            var stops = new[] { s.Treatment.InductionDiscontinuation, s.Treatment.MaintenanceDiscontinuation }.OfType<PlannedDiscontinuation>();
            Assert.All(stops, d => Assert.InRange(d.Day, 2, end));
            if (s.Death is { } death)
            {
                Assert.Equal(death.Day, s.LastKnownAliveDay);
                Assert.Null(s.StudyExit);
            }

            if (s.StudyExit is { } exit)
            {
                Assert.Equal(exit.Day, s.LastKnownAliveDay);
            }
        }
    }

    [Fact]
    public void A_progression_is_the_last_scan_and_scans_follow_the_planned_response_rules()
    {
        foreach (var s in ReferencePlan.Subjects)
        {
            if (s.Progression is { } pd)
            {
                Assert.Equal(pd.ScanDay, s.Scans[^1].Day);
                Assert.Equal(OverallResponse.ProgressiveDisease, s.Scans[^1].Response);
                Assert.Equal(pd.ByNewLesion, s.Scans[^1].HasNewLesion);
                Assert.InRange(pd.Sites.Count, 1, 4);
            }
            else
            {
                Assert.DoesNotContain(s.Scans, x => x.Response == OverallResponse.ProgressiveDisease);
            }

            // After a CR only CR (or a progression by new lesion); no PR after CR.
            int cr = s.Scans.ToList().FindIndex(x => x.Response == OverallResponse.CompleteResponse);
            if (cr >= 0)
            {
                Assert.All(s.Scans.Skip(cr), x => Assert.True(x.Response == OverallResponse.CompleteResponse || x.HasNewLesion));
            }
        }
    }

    [Fact]
    public void First_doses_fall_in_the_enrolment_period_from_its_first_month_to_its_last_at_5_sites()
    {
        var doses = ReferencePlan.Subjects.Select(s => s.FirstDoseDate).ToList();
        Assert.All(doses, d => Assert.InRange(d, ProtocolCalendar.EnrolmentStart, ProtocolCalendar.EnrolmentEnd));
        Assert.Equal(ProtocolCalendar.EnrolmentStart.Month, doses.Min().Month);
        Assert.Equal(ProtocolCalendar.EnrolmentEnd.Month, doses.Max().Month);
        Assert.Equal(ProtocolCalendar.EnrolmentEnd.Year, doses.Max().Year);
        Assert.Equal([1, 2, 3, 4, 5], ReferencePlan.Subjects.Select(s => s.Site).Distinct().Order());
        Assert.Equal(ReferencePlan.Subjects.Count, ReferencePlan.Subjects.Select(s => s.SubjectId).Distinct().Count());
        Assert.All(ReferencePlan.Plan.ScreenFailures, f => Assert.InRange(f.ScreeningDate, ProtocolCalendar.EnrolmentStart, ProtocolCalendar.EnrolmentEnd));
    }

    [Fact]
    public void Covid_19_deaths_fall_in_the_outbreak_and_treatment_phases_match_the_cycles()
    {
        foreach (var s in ReferencePlan.Subjects)
        {
            if (s.Death is { Cause: DeathCause.Covid19 } covid)
            {
                Assert.InRange(s.DateOf(covid.Day), ProtocolCalendar.CovidOutbreakStart, ProtocolCalendar.CovidOutbreakEnd);
            }

            var t = s.Treatment;
            if (t.InductionDiscontinuation is { } stop)
            {
                Assert.Equal(0, t.MaintenanceCycles);
                Assert.InRange(stop.Day, 1 + (ProtocolCalendar.CycleDays * (t.InductionCycles - 1)) + 1, 1 + (ProtocolCalendar.CycleDays * t.InductionCycles));
            }
            else
            {
                Assert.True(t.MaintenanceCycles >= 1);
                int lastCycle = t.MaintenanceStartDay!.Value + (ProtocolCalendar.CycleDays * (t.MaintenanceCycles - 1));
                int end = t.MaintenanceDiscontinuation?.Day ?? (ReferencePlan.Plan.DataCutoff.DayNumber - s.FirstDoseDate.DayNumber + 1);
                Assert.InRange(end, lastCycle, lastCycle + ProtocolCalendar.CycleDays);
            }
        }
    }

    [Fact]
    public void The_plan_round_trips_through_json()
    {
        string text = JsonSerializer.Serialize(ReferencePlan.Plan, Json);
        var back = JsonSerializer.Deserialize<CohortOutcomePlan>(text, Json)!;
        Assert.Equal(text, JsonSerializer.Serialize(back, Json));
    }
}
