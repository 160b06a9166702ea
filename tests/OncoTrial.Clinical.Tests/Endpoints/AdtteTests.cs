using OncoTrial.Clinical.Data;
using OncoTrial.Clinical.Endpoints;
using OncoTrial.Statistics;
using static OncoTrial.Clinical.Tests.Endpoints.EndpointCases;

namespace OncoTrial.Clinical.Tests.Endpoints;

public sealed class AdtteTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("adtte").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    /// <summary>PFS: A PD on day 127, B censored on day 85, C death on day 100, D PD on day 200; then OS for A-D.</summary>
    private static EndpointSubject[] Cohort() =>
    [
        Subject("A", Cutoff, At(43, SD, 1), At(85, SD, 2), At(127, PD, 3)) with { LastKnownAliveDate = Day(300) },
        Subject("B", Cutoff, At(43, SD, 1), At(85, SD, 2)) with { LastKnownAliveDate = Day(90) },
        Subject("C", Cutoff, At(43, SD, 1), At(85, SD, 2)) with { DeathDate = Day(100) },
        Subject("D", Cutoff, At(43, PR, 1), At(85, PR, 2), At(127, PR, 3), At(169, SD, 4), At(200, PD, 5)) with { LastKnownAliveDate = Day(390) },
    ];

    private static List<TimeToEventRecord> Records() =>
        [.. TimeToEventEndpoints.DerivePfs(Cohort()), .. TimeToEventEndpoints.DeriveOs(Cohort())];

    [Fact]
    public void Adtte_has_the_admiral_columns_with_xpt_safe_names_and_labels()
    {
        var ds = AdtteWriter.ToDataset(Records());
        Assert.Equal(("ADTTE", 8), (ds.Name, ds.RowCount));
        Assert.Equal(
            ["USUBJID", "PARAMCD", "PARAM", "STARTDT", "ADT", "AVAL", "AVALU", "CNSR", "EVNTDESC", "CNSDTDSC", "SRCDOM", "SRCVAR", "SRCSEQ"],
            ds.Columns.Select(c => c.Name));
        Assert.All(ds.Columns, c => Assert.InRange(c.Name.Length, 1, 8));
        Assert.All(ds.Columns, c => Assert.InRange(c.Label.Length, 1, 40));
        Assert.All(new[] { "STARTDT", "ADT" }, n => Assert.Equal((DatasetValueType.Date, "DATE9."), (ds.Find(n)!.Type, ds.Find(n)!.DisplayFormat)));
        Assert.Equal(["A", "B", "C", "D"], Enumerable.Range(0, 4).Select(i => ds.Find("USUBJID")!.GetString(i)));
        Assert.Equal([127.0, 85, 100, 200], Enumerable.Range(0, 4).Select(i => ds.Find("AVAL")!.GetNumber(i)!.Value));
        Assert.Equal([0.0, 1, 0, 0], Enumerable.Range(0, 4).Select(i => ds.Find("CNSR")!.GetNumber(i)!.Value));
        Assert.Equal("2024-05-06", ds.Find("ADT")!.Format(0));
        Assert.Equal(("Disease Progression", "", "ADRS", "ADT", 3.0), (ds.Find("EVNTDESC")!.Format(0), ds.Find("CNSDTDSC")!.Format(0), ds.Find("SRCDOM")!.GetString(0), ds.Find("SRCVAR")!.GetString(0), ds.Find("SRCSEQ")!.GetNumber(0)!.Value));
        Assert.Equal(("Death", "DTHDT", (double?)null), (ds.Find("EVNTDESC")!.GetString(2), ds.Find("SRCVAR")!.GetString(2), ds.Find("SRCSEQ")!.GetNumber(2)));
        Assert.Equal(("OS", "Alive", "Last Known Alive Date", 300.0), (ds.Find("PARAMCD")!.GetString(4), ds.Find("EVNTDESC")!.GetString(4), ds.Find("CNSDTDSC")!.GetString(4), ds.Find("AVAL")!.GetNumber(4)!.Value));
    }

    [Theory]
    [InlineData("adtte.xpt")]
    [InlineData("adtte.json")]
    public void Adtte_round_trips_through_dataset_files(string name)
    {
        var written = AdtteWriter.ToDataset(Records());
        string path = Path.Combine(_dir, name);
        DatasetFiles.Write(written, path);
        var read = DatasetFiles.Read(path);
        Assert.Equal(written.Name, read.Name, ignoreCase: true);
        Assert.Equal(written.Columns.Select(c => (c.Name, c.Label)), read.Columns.Select(c => (c.Name, c.Label)));
        Assert.Equal(DatasetValueType.Date, read.Find("ADT")!.Type);
        for (int c = 0; c < written.Columns.Count; c++)
        {
            for (int r = 0; r < written.RowCount; r++)
            {
                Assert.Equal(written.Columns[c].Format(r), read.Columns[c].Format(r));
            }
        }
    }

    /// <summary>The cohort plus E (PD after two missed assessments, CNSR 4) and F (new therapy before PD, CNSR 3).</summary>
    private static EndpointSubject[] CohortWithEveryCensoring() =>
    [
        .. Cohort(),
        Subject("E", Cutoff, At(43, SD, 1), At(190, PD, 2)),
        Subject("F", Cutoff, At(43, SD, 1), At(85, SD, 2), At(127, PD, 3)) with { NewAnticancerTherapyDate = Day(100) },
    ];

    [Fact]
    public void Derived_records_feed_kaplan_meier_with_status_one_minus_cnsr_when_cnsr_is_0_or_1()
    {
        var pfs = TimeToEventEndpoints.DerivePfs(Cohort());
        Assert.All(pfs, r => Assert.InRange(r.Censor, 0, 1));
        double[] time = [.. pfs.Select(r => (double)r.AnalysisValueDays)];
        int[] status = [.. pfs.Select(r => 1 - r.Censor)];
        var km = KaplanMeier.Fit(time, status);

        // Censored at 85; events at 100 (3 at risk), 127 (2 at risk) and 200 (1 at risk): S = 2/3, 1/3, 0.
        Assert.Equal((4L, 3L), (km.N, km.Events));
        Assert.Equal([100.0, 127, 200], km.Steps.Where(s => s.Events > 0).Select(s => s.Time));
        Assert.Equal([2.0 / 3, 1.0 / 3, 0], km.Steps.Where(s => s.Events > 0).Select(s => s.Survival), new ToleranceComparer(1e-12));
        Assert.Equal(127, km.Median.Estimate);
    }

    [Fact]
    public void With_censoring_codes_above_1_the_status_is_cnsr_equal_to_0_and_one_minus_cnsr_is_refused()
    {
        var pfs = TimeToEventEndpoints.DerivePfs(CohortWithEveryCensoring());
        Assert.Equal([0, 1, 0, 0, 4, 3], pfs.Select(r => r.Censor));
        double[] time = [.. pfs.Select(r => (double)r.AnalysisValueDays)];
        Assert.Throws<ArgumentException>(() => KaplanMeier.Fit(time, [.. pfs.Select(r => 1 - r.Censor)]));
        var km = KaplanMeier.Fit(time, [.. pfs.Select(r => r.IsEvent ? 1 : 0)]);
        Assert.Equal((6L, 3L), (km.N, km.Events));
        Assert.Equal([2.0 / 3, 1.0 / 3, 0], km.Steps.Where(s => s.Events > 0).Select(s => s.Survival), new ToleranceComparer(1e-12));
    }

    [Fact]
    public void Adtte_written_as_xpt_feeds_the_survival_reader_by_cnsr_and_paramcd()
    {
        string path = Path.Combine(_dir, "adtte.xpt");
        var cohort = CohortWithEveryCensoring();
        DatasetFiles.Write(AdtteWriter.ToDataset([.. TimeToEventEndpoints.DerivePfs(cohort), .. TimeToEventEndpoints.DeriveOs(cohort)]), path);
        var columns = new TimeToEventColumns("AVAL", Censor: "CNSR") { Where = [new RowFilter("PARAMCD", "PFS", Negate: false)] };
        var (data, problems) = TimeToEventData.FromDataset(DatasetFiles.Read(path), path, columns);
        Assert.Empty(problems);
        Assert.Equal([127.0, 85, 100, 200, 43, 85], data!.Time);
        Assert.Equal([1, 0, 1, 1, 0, 0], data.Status);
        var km = KaplanMeier.Fit([.. data.Time], [.. data.Status]);
        Assert.Equal(127, km.Median.Estimate);
    }

    private sealed class ToleranceComparer(double tolerance) : IEqualityComparer<double>
    {
        public bool Equals(double x, double y) => Math.Abs(x - y) <= tolerance;

        public int GetHashCode(double obj) => 0;
    }
}
