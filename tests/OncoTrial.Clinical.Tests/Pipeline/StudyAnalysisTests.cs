using OncoTrial.Clinical.Data;
using OncoTrial.Clinical.Pipeline;
using OncoTrial.Clinical.Study;
using OncoTrial.Clinical.Tests.Study;
using OncoTrial.Statistics;

namespace OncoTrial.Clinical.Tests.Pipeline;

public class StudyAnalysisTests
{
    [Fact]
    public void The_valid_study_gives_every_dataset_in_order()
    {
        var analysis = StudyAnalysis.Create(StudyFolder.Load(StudyFolders.ValidMinimal));
        var datasets = analysis.Datasets;
        Assert.False(datasets.HasErrors);
        Assert.Equal(["ADRS", "ADTR", "ADTTE", "ADSL", "ADAE", "ADEX"], datasets.Datasets.Select(d => d.Name));
    }

    [Fact]
    public void Investigator_responses_give_no_ADTR()
    {
        var analysis = StudyAnalysis.Create(StudyFolder.Load(StudyFolders.ValidMinimal), StudyAnalysisOptions.Default with { Responses = ResponseSource.Rs });
        Assert.Null(analysis.Lesions);
        Assert.Equal(["ADRS", "ADTTE", "ADSL", "ADAE", "ADEX"], analysis.Datasets.Datasets.Select(d => d.Name));
    }

    [Fact]
    public void The_same_study_from_memory_gives_the_same_datasets_as_from_its_folder()
    {
        var files = Directory.GetFiles(StudyFolders.ValidMinimal, "*.csv").Select(f => KeyValuePair.Create(Path.GetFileName(f), File.ReadAllBytes(f)));
        using var source = FileSource.FromMemory("memory", files);
        var fromMemory = StudyAnalysis.Create(source).Datasets.Datasets;
        var fromFolder = StudyAnalysis.Create(StudyFolder.Load(StudyFolders.ValidMinimal)).Datasets.Datasets;
        Assert.Equal(fromFolder.Select(d => (d.Name, d.RowCount, d.Columns.Count)), fromMemory.Select(d => (d.Name, d.RowCount, d.Columns.Count)));
    }

    [Fact]
    public void Each_part_is_computed_once_and_kept()
    {
        var analysis = StudyAnalysis.Create(StudyFolder.Load(StudyFolders.ValidMinimal));
        Assert.Same(analysis.Datasets, analysis.Datasets);
        Assert.Same(analysis.Safety, analysis.Safety);
        Assert.Same(analysis.Validation, analysis.Validation);
    }

    [Fact]
    public void An_unusable_study_throws_its_problems_for_the_safety_summaries()
    {
        var analysis = StudyAnalysis.Create(StudyFolder.Load(StudyFolders.Broken("missing-dm")));
        var ex = Assert.Throws<ProblemException>(() => analysis.Safety);
        Assert.Contains(ex.Problems, p => p.Code == "FILE_MISSING");
        Assert.True(analysis.Datasets.HasErrors);
    }

    [Fact]
    public void The_RECIST_run_of_a_study_reads_its_lesions()
    {
        var run = StudyAnalysis.Create(StudyFolder.Load(StudyFolders.ValidMinimal)).DeriveRecist();
        Assert.NotEmpty(run.TimePoints);
        Assert.Equal(run.Subjects.Count, run.BestResponses.Count);
    }
}
