using System.Text;
using OncoTrial.Clinical.Data;
using OncoTrial.Clinical.Tests.Data.Xpt;
using OncoTrial.Statistics;

namespace OncoTrial.Clinical.Tests.Data;

/// <summary>Every reader and writer throws a <see cref="DatasetFormatException"/> of structured problems; the message is their text, one per line.</summary>
public class DatasetFormatProblemsTests
{
    private const string Header =
        "{\"datasetJSONCreationDateTime\":\"2024-01-01T00:00:00\",\"datasetJSONVersion\":\"1.1.0\",\"itemGroupOID\":\"IG.T\",\"records\":RECORDS,\"name\":\"T\",\"label\":\"Test\",";

    [Fact]
    public void A_dataset_format_exception_is_a_problem_exception_whose_message_is_its_problems()
    {
        var ex = Assert.Throws<DatasetFormatException>(() => DatasetFiles.Read(new MemoryStream("a,b\n1\n2,3,4\n"u8.ToArray()), "t.csv"));
        Assert.IsAssignableFrom<ProblemException>(ex);
        Assert.Equal(string.Join(Environment.NewLine, ex.Problems), ex.Message);
        Assert.Equal([(2, 1), (3, 2)], ex.Problems.Select(p => (p.Line!.Value, p.Row!.Value)));
        Assert.All(ex.Problems, p => Assert.Equal(("t.csv", CsvTable.StructureCode, ProblemKind.Data), (p.File, p.Code, p.Kind)));
    }

    [Fact]
    public void A_CSV_column_named_twice_names_its_line_and_column_number()
    {
        var ex = Assert.Throws<DatasetFormatException>(() => CsvDataset.FromTable(CsvTable.Parse("A,b,B\n1,2,3\n", "t.csv").Table, "t.csv"));
        var p = Assert.Single(ex.Problems);
        Assert.Equal(("t.csv", 1, "3", "COLUMN_DUPLICATE"), (p.File, p.Line, p.Column, p.Code));
        Assert.Equal("B again (first in column 2)", p.Found);
    }

    [Fact]
    public void An_unsupported_extension_is_one_problem_about_the_file()
    {
        var p = Assert.Single(Assert.Throws<DatasetFormatException>(() => DatasetFiles.FormatName("a.sas7bdat")).Problems);
        Assert.Equal(("a.sas7bdat", "FORMAT_UNSUPPORTED", "\".sas7bdat\""), (p.File, p.Code, p.Found));
        Assert.Null(p.Line);
    }

    [Fact]
    public void XPT_reader_problems_carry_the_byte_offset_as_their_place()
    {
        byte[] bytes = XptFileTests.Write(XptFileTests.EveryType());
        var ex = Assert.Throws<DatasetFormatException>(() => XptFile.Read(new MemoryStream(bytes[..(8 * 80 + 100)]), "cut.xpt"));
        var p = Assert.Single(ex.Problems);
        Assert.Equal(("cut.xpt", "byte offset 640", "XPT_FORMAT"), (p.File, p.Place, p.Code));
        Assert.Equal("NAMESTR record 1 of 10 (140 bytes)", p.Expected);
        Assert.Equal("the end of the file (100 bytes left)", p.Found);
        Assert.Equal("The file is truncated; copy or export it again.", p.Fix);
    }

    [Fact]
    public void XPT_writer_problems_name_the_dataset_and_the_column()
    {
        var ds = new Dataset("T", string.Empty, [DatasetColumn.Character("toolongname", string.Empty, ["a"]), DatasetColumn.Numeric("X", string.Empty, DatasetValueType.Double, [double.PositiveInfinity])]);
        var ex = Assert.Throws<DatasetFormatException>(() => XptFileTests.Write(ds));
        Assert.Equal(2, ex.Problems.Count);
        Assert.Equal(("dataset T", "toolongname", "XPT_NAME"), (ex.Problems[0].File, ex.Problems[0].Column, ex.Problems[0].Code));
        Assert.Equal(("column X, row 1", "XPT_NUMBER_RANGE"), (ex.Problems[1].Place, ex.Problems[1].Code));
        Assert.Equal("dataset T, column X, row 1: expected a finite number within ±7.2e75 (IBM floating point), found Infinity. Store it as missing or rescale.", ex.Problems[1].ToString());
    }

    [Fact]
    public void Dataset_JSON_problems_carry_line_and_byte_row_and_column_or_the_attribute()
    {
        var syntax = Assert.Single(ReadJsonProblems("{\"records\":1,\n\"name\":x}"));
        Assert.Equal((2, "byte 8", "JSON_SYNTAX"), (syntax.Line!.Value, syntax.Place, syntax.Code));

        string json = Header.Replace("RECORDS", "3", StringComparison.Ordinal)
            + "\"columns\":[{\"itemOID\":\"I\",\"name\":\"AGE\",\"label\":\"\",\"dataType\":\"integer\"}],\"rows\":[[1],[\"2\"]]}";
        var problems = ReadJsonProblems(json);
        Assert.Equal((2, "AGE", "VALUE_INVALID"), (problems[0].Row!.Value, problems[0].Column, problems[0].Code));
        Assert.Equal(("attribute records", "3", "RECORDS_COUNT"), (problems[1].Place, problems[1].Found, problems[1].Code));
        Assert.All(problems, p => Assert.Equal("t.json", p.File));

        var type = ReadJsonProblems(Header.Replace("RECORDS", "0", StringComparison.Ordinal) + "\"columns\":[{\"itemOID\":\"I\",\"name\":5,\"label\":\"\",\"dataType\":\"string\"}]}");
        Assert.Contains(type, p => p.Place == "columns[1], attribute name" && p.Code == "ATTRIBUTE_TYPE");
    }

    [Fact]
    public void Problems_past_the_first_twenty_are_counted_in_a_note()
    {
        string rows = string.Join(",", Enumerable.Repeat("[\"x\"]", 25));
        string json = Header.Replace("RECORDS", "25", StringComparison.Ordinal) + "\"columns\":[{\"itemOID\":\"I\",\"name\":\"N\",\"label\":\"\",\"dataType\":\"integer\"}],\"rows\":[" + rows + "]}";
        var problems = ReadJsonProblems(json);
        Assert.Equal(21, problems.Count);
        Assert.All(problems.Take(20), p => Assert.Equal(ProblemSeverity.Error, p.Severity));
        var note = problems[^1];
        Assert.Equal((ProblemSeverity.Note, "PROBLEMS_NOT_LISTED", "5 more problems"), (note.Severity, note.Code, note.Found));
        Assert.Equal("t.json: expected at most 20 problems listed, found 5 more problems. Fix those listed and read the file again to see the rest.", note.ToString());
    }

    [Fact]
    public void Dataset_JSON_writer_problems_name_the_target_row_and_column()
    {
        var ds = new Dataset("ADLB", string.Empty, [DatasetColumn.Numeric("AVAL", string.Empty, DatasetValueType.Integer, [1, 1.5])]);
        var ex = Assert.Throws<DatasetFormatException>(() => DatasetJsonFile.Write(ds, new MemoryStream(), DatasetJsonForm.Json));
        var p = Assert.Single(ex.Problems);
        Assert.Equal(("ADLB", 2, "AVAL", "VALUE_INVALID", "1.5"), (p.File, p.Row!.Value, p.Column, p.Code, p.Found));
    }

    [Fact]
    public void A_compressed_file_that_does_not_decompress_is_one_problem_with_the_cause()
    {
        var ex = Assert.Throws<DatasetFormatException>(() => DatasetJsonFile.Read(new MemoryStream("{\"a\":1}"u8.ToArray()), DatasetJsonForm.CompressedNdJson, "t.dsjc"));
        Assert.Equal(("t.dsjc", "DSJC_COMPRESSION"), (ex.Problems.Single().File, ex.Problems.Single().Code));
        Assert.NotNull(ex.InnerException);
    }

    private static IReadOnlyList<Problem> ReadJsonProblems(string json) =>
        Assert.Throws<DatasetFormatException>(() => DatasetJsonFile.Read(new MemoryStream(Encoding.UTF8.GetBytes(json)), DatasetJsonForm.Json, "t.json")).Problems;
}
