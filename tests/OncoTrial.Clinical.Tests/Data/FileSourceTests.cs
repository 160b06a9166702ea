using System.IO.Compression;
using System.Text;
using OncoTrial.Clinical.Data;
using OncoTrial.Clinical.Study;
using OncoTrial.Clinical.Tests.Study;

namespace OncoTrial.Clinical.Tests.Data;

public class FileSourceTests
{
    [Fact]
    public void A_folder_lists_its_files_in_ordinal_order_and_finds_them_ignoring_case()
    {
        using var source = FileSource.FromFolder(StudyFolders.ValidMinimal);
        Assert.True(source.Exists);
        Assert.Equal(source.FileNames.Order(StringComparer.Ordinal), source.FileNames);
        Assert.Equal("dm.csv", source.Find("DM.CSV"));
        Assert.Null(source.Find("nothing.csv"));
        Assert.Throws<FileNotFoundException>(() => source.Open("nothing.csv"));
    }

    [Fact]
    public void A_missing_folder_does_not_exist_and_has_no_files()
    {
        using var source = FileSource.FromPath(Path.Combine(StudyFolders.Root, "no-such-study"));
        Assert.False(source.Exists);
        Assert.Empty(source.FileNames);
    }

    [Fact]
    public void A_zip_of_the_files_and_a_zip_of_their_folder_load_the_same_study_as_the_folder()
    {
        var fromFolder = StudyValidator.Validate(StudyFolders.ValidMinimal);
        foreach (string prefix in new[] { string.Empty, "valid-minimal/" })
        {
            using var zip = new MemoryStream(Zip(StudyFolders.ValidMinimal, prefix));
            using var source = FileSource.FromZip(zip, "valid-minimal.zip");
            var study = StudyFolder.Load(source);
            Assert.True(study.IsUsable);
            Assert.Equal(StudyFolder.Load(StudyFolders.ValidMinimal).Domains.Keys.Order(StringComparer.Ordinal), study.Domains.Keys.Order(StringComparer.Ordinal));
            Assert.Equal(fromFolder.Problems, StudyValidator.Validate(study).Problems);
        }
    }

    [Fact]
    public void A_zip_file_on_disk_is_recognised_by_its_extension()
    {
        using var temp = new TempFolder();
        string path = temp.File("study.zip");
        File.WriteAllBytes(path, Zip(StudyFolders.ValidMinimal, string.Empty));
        var study = StudyFolder.Load(path);
        Assert.True(study.IsUsable);
        Assert.Equal(path, study.Name);
        Assert.Equal(4, study.Domain("DM")!.Table.Records.Count);
    }

    [Fact]
    public void A_file_that_is_not_a_zip_gives_a_problem_not_an_exception()
    {
        using var temp = new TempFolder();
        string path = temp.Write("study.zip", "this is not a zip archive");
        var study = StudyFolder.Load(path);
        Assert.False(study.IsUsable);
        Assert.Equal("FOLDER_UNREADABLE", Assert.Single(study.Problems).Code);
    }

    [Fact]
    public void Files_in_memory_are_a_study_without_a_temporary_folder()
    {
        var files = Directory.GetFiles(StudyFolders.ValidMinimal, "*.csv").Select(f => KeyValuePair.Create(Path.GetFileName(f), File.ReadAllBytes(f)));
        using var source = FileSource.FromMemory("in memory", files);
        var report = StudyValidator.Validate(source);
        Assert.True(report.IsUsable);
        Assert.Equal(StudyValidator.Validate(StudyFolders.ValidMinimal).Problems, report.Problems);
        Assert.Equal("in memory", report.Study);
    }

    [Fact]
    public void Text_files_in_memory_are_read_as_UTF_8()
    {
        using var source = FileSource.FromText("t", ("a.csv", "x,y\nä,1\n"));
        var (table, problems) = CsvTable.Read(source.Open("a.csv"), "a.csv");
        Assert.Empty(problems);
        Assert.Equal("ä", table.Records[0].Fields[0]);
    }

    [Fact]
    public void A_dataset_is_read_from_a_stream_in_the_format_its_name_gives()
    {
        byte[] csv = Encoding.UTF8.GetBytes("time,status\n1,0\n2,1\n");
        var dataset = DatasetFiles.Read(new MemoryStream(csv), "aml.csv");
        Assert.Equal("AML", dataset.Name);
        Assert.Equal(2, dataset.RowCount);
        Assert.Throws<DatasetFormatException>(() => DatasetFiles.Read(new MemoryStream(csv), "aml.xlsx"));
    }

    private static byte[] Zip(string folder, string prefix)
    {
        using var buffer = new MemoryStream();
        using (var archive = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (string file in Directory.GetFiles(folder))
            {
                archive.CreateEntryFromFile(file, prefix + Path.GetFileName(file));
            }
        }

        return buffer.ToArray();
    }
}
