namespace OncoTrial.ReferenceCohort.Tests;

public class PublishedValuesTests
{
    [Fact]
    public void The_embedded_values_are_the_paper_s_with_their_printed_precision()
    {
        var paper = PublishedValues.Paper;
        Assert.Equal(125, paper.Values.Count);
        var pfs = paper["pfs_median"];
        Assert.Equal(PublishedKind.Median, pfs.Kind);
        Assert.Equal(14.9, pfs.Value.Value);
        Assert.Equal(1, pfs.Value.Decimals);
        Assert.Equal(11.4, pfs.Ci!.Value.Lower.Value);
        Assert.Null(pfs.Ci.Value.Upper.Value);
        Assert.Equal(0.05, pfs.Value.HalfUnit, 12);
        Assert.Null(paper["os_median"].Value.Value);
        Assert.Equal(2, paper["duration_benmelstobart_mean"].Range!.Value.Low.Decimals);
        Assert.Equal(13, paper["subsequent_therapy"].Of);
        Assert.Equal("<0.0001", paper["pfs_liver_mets_logrank_p"].Bound);
        var table = paper["ae_table"];
        Assert.Equal(16, table.Rows!.Count);
        Assert.Equal([32, 12, 31, 12], table.Rows[0].Values);
        Assert.Equal(6, paper.Inconsistencies.Count);
    }

    [Fact]
    public void The_embedded_file_is_the_one_in_shared_seed_when_it_is_there()
    {
        string shared = RepositoryPaths.RequireSharedFile(Path.Combine("..", "seed", "published-values.json"));
        Assert.Equal(File.ReadAllText(shared), File.ReadAllText(RepositoryPaths.File("src", "OncoTrial.ReferenceCohort", "published-values.json")));
    }
}
