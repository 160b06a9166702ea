using OncoTrial.Clinical.Endpoints;
using OncoTrial.Clinical.Recist;
using OncoTrial.ReferenceCohort.Planning;
using OncoTrial.Statistics;

namespace OncoTrial.ReferenceCohort.Tests.Planning;

/// <summary>
/// Table 2 and every survival figure, computed on the plan by the project's own derivations (RECIST best overall
/// response, FDA endpoints) and statistics (Kaplan-Meier, log-rank), compared at the paper's precision.
/// </summary>
public class EfficacyTests
{
    private static int Count(string id) => ReferencePlan.Count(id);

    private static int Computed(string id) => (int)ReferencePlan.Figures[id]!.Value;

    [Fact]
    public void Table_2_best_responses_orr_dcr_and_the_evaluable_subset_are_the_published_counts()
    {
        foreach (string id in new[] { "bor_cr", "bor_pr", "bor_sd", "bor_pd", "bor_ne", "orr", "dcr", "orr_evaluable", "progressed" })
        {
            Assert.True(Count(id) == Computed(id), $"{id}: published {Count(id)}, computed {Computed(id)}");
        }

        Assert.Equal(ReferencePlan.Of("orr_evaluable"), Computed("orr_evaluable/of"));
        Assert.Equal(ReferencePlan.Of("dcr_evaluable"), Computed("orr_evaluable/of"));
    }

    [Fact]
    public void Orr_by_pd_l1_cps_is_the_published_count_of_the_published_denominator()
    {
        foreach (string id in new[] { "orr_cps_ge10", "orr_cps_lt10", "orr_cps_ge1", "orr_cps_lt1" })
        {
            Assert.Equal(Count(id), Computed(id));
            Assert.Equal(ReferencePlan.Of(id), Computed(id + "/of"));
        }
    }

    [Fact]
    public void The_planned_time_point_responses_give_the_planned_best_response_classes()
    {
        // Every subject with a CR or PR scan is a confirmed responder; SD subjects have an SD at or after day 43.
        var best = ReferencePlan.Figures.BestResponses.ToDictionary(b => b.Subject, StringComparer.Ordinal);
        foreach (var s in ReferencePlan.Subjects)
        {
            var b = best[s.SubjectId];
            bool responded = s.Scans.Any(x => x.Response is OverallResponse.PartialResponse or OverallResponse.CompleteResponse);
            Assert.Equal(responded, b.IsConfirmedResponse);
            Assert.Empty(b.Warnings);
        }
    }

    [Fact]
    public void Pfs_has_23_events_and_every_published_figure_at_the_paper_s_precision()
    {
        Assert.Equal(Count("pfs_events"), Computed("pfs_events"));
        AssertRounds("pfs_median", "pfs_median/lower", "pfs_median/upper", "pfs_rate_12m", "pfs_rate_12m/lower", "pfs_rate_12m/upper");
    }

    [Fact]
    public void Os_has_19_deaths_31_alive_and_every_published_figure_at_the_paper_s_precision()
    {
        Assert.Equal(Count("os_deaths"), Computed("os_deaths"));
        Assert.Equal(Count("alive_at_cutoff"), Computed("alive_at_cutoff"));
        AssertRounds("os_median", "os_median/lower", "os_median/upper", "os_rate_12m", "os_rate_12m/lower", "os_rate_12m/upper");
    }

    [Fact]
    public void Dor_of_the_36_responders_and_the_follow_up_by_reverse_kaplan_meier_are_the_published_figures()
    {
        Assert.Equal(Count("orr"), ReferencePlan.Figures.Dor.Count);
        Assert.Equal(Count("dor_gt_6m"), Computed("dor_gt_6m"));
        AssertRounds("dor_median", "dor_median/lower", "dor_median/upper", "follow_up_median", "follow_up_median/lower", "follow_up_median/upper");
    }

    [Fact]
    public void Pd_l1_and_liver_subgroup_medians_and_both_liver_log_rank_tests_are_the_published_ones()
    {
        AssertRounds(
            "pfs_median_cps_ge1", "pfs_median_cps_lt1", "pfs_median_cps_ge10", "pfs_median_cps_lt10",
            "pfs_median_no_liver_mets", "pfs_median_liver_mets", "os_median_no_liver_mets", "os_median_liver_mets",
            "pfs_liver_mets_logrank_p", "os_liver_mets_logrank_p");
        Assert.True(ReferencePlan.Figures["pfs_liver_mets_logrank_p"] < 0.0001);
        Assert.True(ReferencePlan.Figures["os_liver_mets_logrank_p"] < 0.0001);
    }

    [Fact]
    public void The_pfs_figures_recomputed_from_the_adtte_records_with_kaplan_meier_agree()
    {
        // Independent of PlanFigures' own bookkeeping: straight from the records to the statistics library.
        var records = ReferencePlan.Figures.Pfs;
        double[] months = [.. records.Select(r => r.AnalysisValueMonths)];
        int[] status = [.. records.Select(r => r.IsEvent ? 1 : 0)];
        var curve = KaplanMeier.Fit(months, status);
        var median = PublishedValues.Paper["pfs_median"];
        var rate = PublishedValues.Paper["pfs_rate_12m"];
        static double? Round(double? x) => x is { } v ? Math.Round(v, 1, MidpointRounding.AwayFromZero) : null;
        Assert.Equal(median.Value.Value, Round(curve.Median.Estimate));
        Assert.Equal(median.Ci!.Value.Lower.Value, Round(curve.Median.Lower));
        Assert.Equal(median.Ci!.Value.Upper.Value, Round(curve.Median.Upper));
        var landmark = curve.Landmark(12);
        Assert.Equal(rate.Value.Value, Round(landmark.Survival * 100));
        Assert.Equal(rate.Ci!.Value.Lower.Value, Round(landmark.Lower * 100));
        Assert.Equal(rate.Ci!.Value.Upper.Value, Round(landmark.Upper * 100));
        Assert.All(records, r => Assert.Equal(EndpointOptions.Default, r.Options));
    }

    [Fact]
    public void Pfs_events_are_the_13_recist_progressions_and_10_deaths_without_them()
    {
        var figures = ReferencePlan.Figures;
        var byId = ReferencePlan.Subjects.ToDictionary(s => s.SubjectId, StringComparer.Ordinal);
        var events = figures.Pfs.Where(r => r.IsEvent).ToList();
        Assert.Equal(Count("progressed"), events.Count(r => byId[r.SubjectId].Progression is { } p && r.AnalysisValueDays == p.ScanDay));
        Assert.Equal(Count("pfs_events") - Count("progressed"), events.Count(r => byId[r.SubjectId].Progression is null && byId[r.SubjectId].Death is not null));
        Assert.All(events, r => Assert.NotEqual(TimeToEventRule.EventAfterMissedAssessments, r.Rule));
    }

    [Fact]
    public void Deaths_by_cause_progression_sites_and_subsequent_therapy_are_the_published_counts()
    {
        var subjects = ReferencePlan.Subjects;
        var deaths = subjects.Where(s => s.Death is not null).Select(s => s.Death!.Cause).ToList();
        Assert.Equal(Count("deaths_total"), deaths.Count);
        Assert.Equal(Count("deaths_progression"), deaths.Count(c => c == DeathCause.ProgressiveDisease));
        Assert.Equal(Count("deaths_covid19"), deaths.Count(c => c == DeathCause.Covid19));
        Assert.Equal(Count("deaths_adverse_event"), deaths.Count(c => c is DeathCause.Myelosuppression or DeathCause.PulmonaryInfection or DeathCause.IntracranialHemorrhage or DeathCause.EsophagealFistula));
        foreach (var cause in new[] { DeathCause.Myelosuppression, DeathCause.PulmonaryInfection, DeathCause.IntracranialHemorrhage, DeathCause.EsophagealFistula })
        {
            Assert.Single(deaths, cause);
        }

        var progressed = subjects.Where(s => s.Progression is not null).ToList();
        Assert.Equal(Count("progressed"), progressed.Count);
        Assert.Equal(Count("oligo_progression"), progressed.Count(s => s.Progression!.Sites.Count is 1 or 2));
        Assert.Equal(Count("systemic_progression"), progressed.Count(s => s.Progression!.Sites.Count >= 3));
        Assert.Equal(Count("subsequent_therapy"), progressed.Count(s => s.SubsequentTherapies.Count > 0));
        Assert.Equal(Count("subsequent_third_line"), progressed.Count(s => s.SubsequentTherapies.Any(t => t.Line == 3)));
        Assert.Equal(Count("subsequent_anti_pd1"), progressed.Count(s => s.SubsequentTherapies.Any(t => t.IsAntiPd1)));
        Assert.All(subjects.Where(s => s.Progression is null), s => Assert.Empty(s.SubsequentTherapies));
    }

    [Fact]
    public void Target_lesions_shrink_in_45_subjects_and_in_all_6_with_stable_disease()
    {
        var best = ReferencePlan.Figures.BestResponses.ToDictionary(b => b.Subject, StringComparer.Ordinal);
        var shrinking = ReferencePlan.Subjects.Where(s => s.Scans.Any(x => x.IsTargetSumBelowBaseline)).ToList();
        Assert.Equal(Count("target_lesion_decrease"), shrinking.Count);
        var stable = ReferencePlan.Subjects.Where(s => best[s.SubjectId].ConfirmedBor == OverallResponse.StableDisease).ToList();
        Assert.Equal(ReferencePlan.Of("sd_with_shrinkage"), stable.Count);
        Assert.All(stable, s => Assert.Contains(s.Scans, x => x.IsTargetSumBelowBaseline));

        // The not evaluable who shrank: an SD with a complete, smaller target sum before the SD minimum duration.
        var shrunkButNotEvaluable = shrinking.Where(s => best[s.SubjectId].ConfirmedBor == OverallResponse.NotEvaluable).ToList();
        Assert.Equal(2, shrunkButNotEvaluable.Count);
        Assert.All(shrunkButNotEvaluable, s => Assert.All(s.Scans, x =>
        {
            Assert.Equal(OverallResponse.StableDisease, x.Response);
            Assert.True(x.Day <= RecistOptions.Default.SdMinDays, $"{s.SubjectId}: SD on day {x.Day}");
        }));
    }

    private static void AssertRounds(params string[] ids)
    {
        var figures = ReferencePlan.Figures;
        foreach (string id in ids)
        {
            Assert.True(figures.Matches(id), $"{id}: computed {figures[id]}, published {PlanFigures.Published(id)}");
        }
    }
}
