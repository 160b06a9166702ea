using OncoTrial.Clinical.Data;
using OncoTrial.Clinical.Tests.Data.DatasetJson;

namespace OncoTrial.Clinical.Tests.Data;

public sealed class DatasetFilesTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("datasetfiles").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Theory]
    [InlineData("adsl.json", "Dataset-JSON")]
    [InlineData("adsl.NDJSON", "Dataset-JSON NDJSON")]
    [InlineData("adsl.dsjc", "compressed Dataset-JSON")]
    public void Dataset_json_files_are_written_and_read_by_extension(string name, string format)
    {
        string path = Path.Combine(_dir, name);
        DatasetFiles.Write(DatasetJsonFileTests.Sample(), path);
        DatasetJsonFileTests.AssertSameDataset(DatasetJsonFileTests.Sample(), DatasetFiles.Read(path));
        Assert.Equal(format, DatasetFiles.FormatName(path));
        Assert.Equal(DatasetJsonFile.FormOf(path), DatasetJsonFile.FormOf(name));
    }

    [Fact]
    public void Csv_to_dataset_json_and_back_gives_the_same_csv()
    {
        string csv = Path.Combine(_dir, "adtte.csv");
        const string text = "USUBJID,AVAL,CNSR,EVNTDESC\n01-001,12.5,0,\"Death, any cause\"\n01-002,,1,\n01-003,1E-05,0,Disease Progression\n";
        File.WriteAllText(csv, text);
        string json = Path.Combine(_dir, "adtte.json");
        DatasetFiles.Write(DatasetFiles.Read(csv), json);
        var fromJson = DatasetFiles.Read(json);
        Assert.Equal("ADTTE", fromJson.Name);
        Assert.Equal(DatasetValueType.Double, fromJson.Columns[1].Type);
        Assert.Null(fromJson.Columns[3].GetString(1));
        string back = Path.Combine(_dir, "back.csv");
        DatasetFiles.Write(fromJson, back);
        Assert.Equal(text, File.ReadAllText(back));
    }

    [Fact]
    public void Codes_with_leading_zeros_stay_text_so_that_they_are_written_back_as_written()
    {
        string csv = Path.Combine(_dir, "dm.csv");
        const string text = "SITEID,SUBJID,AGE,AVAL\n01,1001,64,0.5\n02,1002,71,-0.25\n10,1003,0,0\n";
        File.WriteAllText(csv, text);
        var ds = DatasetFiles.Read(csv);
        Assert.Equal(DatasetValueType.String, ds.Find("SITEID")!.Type);
        Assert.Equal(DatasetValueType.Double, ds.Find("SUBJID")!.Type);
        Assert.Equal(DatasetValueType.Double, ds.Find("AGE")!.Type);
        Assert.Equal(DatasetValueType.Double, ds.Find("AVAL")!.Type);
        string back = Path.Combine(_dir, "back.csv");
        DatasetFiles.Write(ds, back);
        Assert.Equal(text, File.ReadAllText(back));
    }

    [Fact]
    public void A_column_named_twice_is_a_format_error_naming_both_positions()
    {
        string csv = Path.Combine(_dir, "cm.csv");
        File.WriteAllText(csv, "USUBJID,CMDECOD,cmdecod\nS-1,DOCETAXEL,DOCETAXEL\n");
        var ex = Assert.Throws<DatasetFormatException>(() => DatasetFiles.Read(csv));
        Assert.Equal($"{csv}, line 1, column 3: expected distinct column names (case-insensitive, as in SAS), found cmdecod again (first in column 2). Remove or rename the second column.", ex.Message);
    }

    [Theory]
    [InlineData("adsl.xlsx", "\".xlsx\"")]
    [InlineData("adsl", "no extension")]
    public void Other_extensions_are_refused_with_the_list_of_supported_ones(string name, string found)
    {
        string path = Path.Combine(_dir, name);
        string expected = $"{path}: expected a dataset file ending in .csv, .json (Dataset-JSON), .ndjson (Dataset-JSON NDJSON), .dsjc (compressed Dataset-JSON) or .xpt (SAS XPORT v5), found {found}. Rename the file or convert it to a supported format.";
        Assert.Equal(expected, Assert.Throws<DatasetFormatException>(() => DatasetFiles.Read(path)).Message);
        Assert.Equal(expected, Assert.Throws<DatasetFormatException>(() => DatasetFiles.Write(DatasetJsonFileTests.Sample(), path)).Message);
        Assert.False(File.Exists(path));
    }
}
