using System.IO.Compression;
using System.Text;
using System.Text.Json;
using OncoTrial.Clinical.Data;

namespace OncoTrial.Clinical.Tests.Data.DatasetJson;

public class DatasetJsonFileTests
{
    private const string Header =
        "{\"datasetJSONCreationDateTime\":\"2024-01-01T00:00:00\",\"datasetJSONVersion\":\"1.1.0\",\"itemGroupOID\":\"IG.T\",\"records\":RECORDS,\"name\":\"T\",\"label\":\"Test\",";

    public static TheoryData<DatasetJsonForm> Forms => [DatasetJsonForm.Json, DatasetJsonForm.NdJson, DatasetJsonForm.CompressedNdJson];

    /// <summary>Every value type, missing values, "" and null, negative and fractional SAS dates.</summary>
    internal static Dataset Sample()
    {
        double nan = double.NaN;
        return new Dataset("ADSL", "Subject-Level Analysis Dataset", [
            DatasetColumn.Character("USUBJID", "Unique Subject Identifier", ["01-001", "01-002", "", null]).WithLengthAndFormat(8, null).WithItemOidAndKeySequence(null, 1),
            DatasetColumn.Numeric("AGE", "Age", DatasetValueType.Integer, [64, 71, nan, -3]),
            DatasetColumn.Numeric("BMIBL", "Baseline BMI (kg/m^2)", DatasetValueType.Decimal, [30.8983333232059, 22.5, nan, 0.00001]).WithLengthAndFormat(16, null),
            DatasetColumn.Numeric("WEIGHT", "Weight (kg)", DatasetValueType.Double, [70.25, 1e-300, nan, -3.5]),
            DatasetColumn.Numeric("SAFFL", "Safety Flag (boolean)", DatasetValueType.Boolean, [1, 0, nan, 1]),
            DatasetColumn.Numeric("TRTSDT", "Date of First Exposure", DatasetValueType.Date, [SasDates.FromDate(new DateOnly(2014, 1, 2)), -1, nan, 0]).WithLengthAndFormat(null, "E8601DA."),
            DatasetColumn.Numeric("ADTM", "Analysis Date/Time", DatasetValueType.DateTime, [SasDates.FromDateTime(new DateTime(2014, 1, 2, 10, 30, 0)), 1.5, nan, 0]).WithLengthAndFormat(null, "E8601DT."),
            DatasetColumn.Numeric("ATM", "Analysis Time", DatasetValueType.Time, [36000, 3600.25, nan, 0]),
            DatasetColumn.Character("RFSTDTC", "Subject Reference Start Date/Time", ["2014-01", "2014-01-02T10:30", null, "Ünïcödé <&> \"q\" \\ \t"]).WithItemOidAndKeySequence("IT.ADSL.RFSTDTC.X", null),
        ]);
    }

    [Theory]
    [MemberData(nameof(Forms))]
    public void Every_value_type_round_trips_value_for_value(DatasetJsonForm form)
    {
        var original = Sample();
        var back = DatasetJsonFile.Read(new MemoryStream(WriteBytes(original, form)), form, "t");
        AssertSameDataset(original, back);
    }

    [Theory]
    [MemberData(nameof(Forms))]
    public void Rewriting_a_file_that_was_read_gives_identical_bytes(DatasetJsonForm form)
    {
        byte[] first = WriteBytes(Sample(), form);
        byte[] second = WriteBytes(DatasetJsonFile.Read(new MemoryStream(first), form, "t"), form);
        Assert.Equal(first, second);
    }

    [Fact]
    public void The_writer_reproduces_the_golden_file_and_the_golden_file_reads_back()
    {
        string verified = GoldenPath("adsl-all-types.verified.json");
        string actual = Encoding.UTF8.GetString(WriteBytes(Sample(), DatasetJsonForm.Json));
        Golden.Verify(verified, actual);

        AssertSameDataset(Sample(), DatasetJsonFile.Read(verified));
    }

    [Fact]
    public void Attributes_are_written_in_the_order_of_the_specification()
    {
        var options = new DatasetJsonWriteOptions
        {
            CreationDateTime = new DateTime(2025, 3, 4, 5, 6, 7, DateTimeKind.Utc),
            FileOid = "F.1",
            DbLastModifiedDateTime = new DateTime(2025, 3, 1),
            Originator = "Sponsor",
            SourceSystemName = "OncoTrial",
            SourceSystemVersion = "1.0",
            StudyOid = "S.1",
            MetaDataVersionOid = "MDV.1",
            MetaDataRef = "define.xml",
            ItemGroupOid = "IG.X",
        };
        using var doc = JsonDocument.Parse(WriteBytes(Sample(), DatasetJsonForm.Json, options));
        Assert.Equal(
            ["datasetJSONCreationDateTime", "datasetJSONVersion", "fileOID", "dbLastModifiedDateTime", "originator", "sourceSystem", "studyOID", "metaDataVersionOID", "metaDataRef", "itemGroupOID", "records", "name", "label", "columns", "rows"],
            doc.RootElement.EnumerateObject().Select(p => p.Name));
        Assert.Equal("2025-03-04T05:06:07Z", doc.RootElement.GetProperty("datasetJSONCreationDateTime").GetString());
        Assert.Equal("IG.X", doc.RootElement.GetProperty("itemGroupOID").GetString());
        Assert.Equal(["name", "version"], doc.RootElement.GetProperty("sourceSystem").EnumerateObject().Select(p => p.Name));
        var usubjid = doc.RootElement.GetProperty("columns")[0];
        Assert.Equal(["itemOID", "name", "label", "dataType", "length", "keySequence"], usubjid.EnumerateObject().Select(p => p.Name));
        Assert.Equal("IT.ADSL.USUBJID", usubjid.GetProperty("itemOID").GetString());
        var trtsdt = doc.RootElement.GetProperty("columns")[5];
        Assert.Equal(["itemOID", "name", "label", "dataType", "targetDataType", "displayFormat"], trtsdt.EnumerateObject().Select(p => p.Name));
    }

    [Fact]
    public void Records_equals_the_number_of_rows_and_ndjson_has_metadata_then_one_row_per_line()
    {
        string ndjson = Encoding.UTF8.GetString(WriteBytes(Sample(), DatasetJsonForm.NdJson));
        string[] lines = ndjson.Split('\n');
        Assert.Equal(6, lines.Length); // metadata, 4 rows, empty after the final LF
        Assert.Empty(lines[^1]);
        using var meta = JsonDocument.Parse(lines[0]);
        Assert.Equal(4, meta.RootElement.GetProperty("records").GetInt32());
        Assert.False(meta.RootElement.TryGetProperty("rows", out _));
        Assert.Equal("[\"01-002\",71,\"22.5\",1E-300,false,\"1959-12-31\",\"1960-01-01T00:00:01.5\",\"01:00:00.25\",\"2014-01-02T10:30\"]", lines[2]);
    }

    [Fact]
    public void Values_are_written_with_the_json_types_of_the_specification()
    {
        using var doc = JsonDocument.Parse(WriteBytes(Sample(), DatasetJsonForm.Json));
        var row = doc.RootElement.GetProperty("rows")[0];
        Assert.Equal(JsonValueKind.String, row[0].ValueKind);
        Assert.Equal("64", row[1].GetRawText());
        Assert.Equal("\"30.8983333232059\"", row[2].GetRawText());
        Assert.Equal("70.25", row[3].GetRawText());
        Assert.Equal(JsonValueKind.True, row[4].ValueKind);
        Assert.Equal("2014-01-02", row[5].GetString());
        Assert.Equal("2014-01-02T10:30:00", row[6].GetString());
        Assert.Equal("10:00:00", row[7].GetString());
        Assert.Equal("\"0.00001\"", doc.RootElement.GetProperty("rows")[3][2].GetRawText());
        Assert.All(doc.RootElement.GetProperty("rows")[2].EnumerateArray().Skip(1), v => Assert.Equal(JsonValueKind.Null, v.ValueKind));
        Assert.Equal("\"\"", doc.RootElement.GetProperty("rows")[2][0].GetRawText());
    }

    [Fact]
    public void Adam_dates_with_target_data_type_integer_become_sas_numbers_and_sdtm_dates_stay_text()
    {
        string json = Header.Replace("RECORDS", "2", StringComparison.Ordinal) + """
            "columns":[
            {"itemOID":"IT.T.ASTDT","name":"ASTDT","label":"","dataType":"date","targetDataType":"integer","displayFormat":"E8601DA."},
            {"itemOID":"IT.T.ADTM","name":"ADTM","label":"","dataType":"datetime","targetDataType":"integer"},
            {"itemOID":"IT.T.ATM","name":"ATM","label":"","dataType":"time","targetDataType":"integer"},
            {"itemOID":"IT.T.AESTDTC","name":"AESTDTC","label":"","dataType":"date"}],
            "rows":[["1960-01-02","1960-01-01T00:01","00:00:30.5","2012-12"],[null,"2014-01-02T10:30:00.25","23:59:59","2013-05-20"]]}
            """;
        var ds = ReadJson(json);
        Assert.Equal(DatasetValueType.Date, ds.Columns[0].Type);
        Assert.Equal(1.0, ds.Columns[0].GetNumber(0));
        Assert.Null(ds.Columns[0].GetNumber(1));
        Assert.Equal("E8601DA.", ds.Columns[0].DisplayFormat);
        Assert.Equal(60.0, ds.Columns[1].GetNumber(0));
        Assert.Equal(SasDates.FromDateTime(new DateTime(2014, 1, 2, 10, 30, 0, 250)), ds.Columns[1].GetNumber(1));
        Assert.Equal(30.5, ds.Columns[2].GetNumber(0));
        Assert.Equal(86399.0, ds.Columns[2].GetNumber(1));
        Assert.Equal(DatasetValueType.String, ds.Columns[3].Type);
        Assert.Equal(["2012-12", "2013-05-20"], ds.Columns[3].Strings);
    }

    [Fact]
    public void A_partial_date_with_target_data_type_integer_is_an_error_that_says_how_to_keep_it()
    {
        string json = Header.Replace("RECORDS", "1", StringComparison.Ordinal) + """
            "columns":[{"itemOID":"IT.T.ASTDT","name":"ASTDT","label":"","dataType":"date","targetDataType":"integer"}],
            "rows":[["2014-01"]]}
            """;
        var ex = Assert.Throws<DatasetFormatException>(() => ReadJson(json));
        Assert.Equal(
            "t.json, row 1, column ASTDT: expected a complete ISO 8601 date yyyy-MM-dd or null (dataType date, targetDataType integer), found \"2014-01\" (a JSON string). A partial date cannot become a SAS date number: remove targetDataType to read the column as text, or complete the date.",
            ex.Message);
    }

    [Fact]
    public void Decimal_strings_are_read_exactly_or_reported()
    {
        string json = Header.Replace("RECORDS", "5", StringComparison.Ordinal) + """
            "columns":[{"itemOID":"IT.T.X","name":"X","label":"","dataType":"decimal","targetDataType":"decimal"}],
            "rows":[["30.8983333232059"],["1,234.5"],["-0.10"],[2.5],[null]]}
            """;
        var ds = ReadJson(json);
        Assert.Equal(DatasetValueType.Decimal, ds.Columns[0].Type);
        Assert.Equal([30.8983333232059, 1234.5, -0.1, 2.5, double.NaN], ds.Columns[0].Numbers.ToArray());

        string bad = json.Replace("[\"1,234.5\"]", "[\"1,5\"]", StringComparison.Ordinal).Replace("[\"-0.10\"]", "[\"0.12345678901234567890123\"]", StringComparison.Ordinal);
        var ex = Assert.Throws<DatasetFormatException>(() => ReadJson(bad));
        string[] lines = ex.Message.Split(Environment.NewLine);
        Assert.Equal(2, lines.Length);
        Assert.StartsWith("t.json, row 2, column X: expected a decimal number as a JSON string with a dot as the decimal separator", lines[0], StringComparison.Ordinal);
        Assert.Contains("found \"1,5\"", lines[0], StringComparison.Ordinal);
        Assert.StartsWith("t.json, row 3, column X:", lines[1], StringComparison.Ordinal);
    }

    [Fact]
    public void Empty_string_and_null_stay_distinct()
    {
        string json = Header.Replace("RECORDS", "3", StringComparison.Ordinal) + """
            "columns":[{"itemOID":"IT.T.S","name":"S","label":"","dataType":"string"}],"rows":[[""],[null],[" "]]}
            """;
        var ds = ReadJson(json);
        Assert.Equal(["", null, " "], ds.Columns[0].Strings);
        using var doc = JsonDocument.Parse(WriteBytes(ds, DatasetJsonForm.Json));
        Assert.Equal("[[\"\"],[null],[\" \"]]", doc.RootElement.GetProperty("rows").GetRawText().Replace("\n", string.Empty, StringComparison.Ordinal));
    }

    [Fact]
    public void Special_missing_values_are_refused_unless_the_caller_accepts_writing_them_as_null()
    {
        var ds = new Dataset("ADLB", string.Empty, [
            DatasetColumn.Numeric("AVAL", "Analysis Value", DatasetValueType.Double, [1, double.NaN, double.NaN, double.NaN], ['\0', 'A', '.', 'Z']),
        ]);
        var ex = Assert.Throws<DatasetFormatException>(() => WriteBytes(ds, DatasetJsonForm.Json));
        Assert.Equal(
            "ADLB, column AVAL, rows 2, 4 (2 values): expected values Dataset-JSON can carry, found SAS special missing values (.A, .Z). Dataset-JSON has only null: recode them into another column first, or set DatasetJsonWriteOptions.SpecialMissingValues to WriteAsNull to accept losing the codes.",
            ex.Message);

        byte[] bytes = WriteBytes(ds, DatasetJsonForm.NdJson, new DatasetJsonWriteOptions { SpecialMissingValues = DatasetJsonSpecialMissing.WriteAsNull });
        var back = DatasetJsonFile.Read(new MemoryStream(bytes), DatasetJsonForm.NdJson, "t");
        Assert.Equal([null, '.', '.', '.'], Enumerable.Range(0, 4).Select(back.Columns[0].GetMissingCode));
    }

    [Fact]
    public void A_failed_write_leaves_an_existing_file_untouched()
    {
        string dir = Directory.CreateTempSubdirectory("dsjson").FullName;
        try
        {
            string path = Path.Combine(dir, "adlb.json");
            File.WriteAllText(path, "old");
            var ds = new Dataset("ADLB", string.Empty, [DatasetColumn.Numeric("AVAL", string.Empty, DatasetValueType.Integer, [1.5])]);
            var ex = Assert.Throws<DatasetFormatException>(() => DatasetJsonFile.Write(ds, path));
            Assert.Equal($"{path}, row 1, column AVAL: expected a whole number within ±2^53 (dataType integer), found 1.5. Correct the value or change the column type.", ex.Message);
            Assert.Equal("old", File.ReadAllText(path));
            Assert.Equal(["adlb.json"], Directory.GetFiles(dir).Select(Path.GetFileName));
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    [Fact]
    public void Value_errors_name_the_row_the_column_what_was_expected_what_was_found_and_the_fix_and_are_all_reported()
    {
        string json = Header.Replace("RECORDS", "3", StringComparison.Ordinal) + """
            "columns":[{"itemOID":"IT.T.AGE","name":"AGE","label":"Age","dataType":"integer"},{"itemOID":"IT.T.FL","name":"FL","label":"","dataType":"boolean"}],
            "rows":[[64,true],["65","Y"],[1.5]]}
            """;
        var ex = Assert.Throws<DatasetFormatException>(() => ReadJson(json));
        Assert.Equal(
            string.Join(Environment.NewLine, [
                "t.json, row 2, column AGE: expected a whole JSON number within ±2^53 or null (dataType integer), found \"65\" (a JSON string). Write the value as a JSON number without quotes, or declare the column decimal/double.",
                "t.json, row 2, column FL: expected true, false or null (dataType boolean), found \"Y\" (a JSON string). Write true or false without quotes (Y/N flags are dataType string).",
                "t.json, row 3, column AGE: expected a whole JSON number within ±2^53 or null (dataType integer), found 1.5 (a JSON number). Write the value as a JSON number without quotes, or declare the column decimal/double.",
                "t.json, row 3: expected 2 values (one per column), found 1. Write null for missing values; keep the values in column order.",
            ]),
            ex.Message);
    }

    [Fact]
    public void Missing_required_attributes_a_wrong_records_count_and_a_wrong_version_are_all_reported()
    {
        string json = """
            {"datasetJSONVersion":"1.0.0","records":5,"name":"T","columns":[{"name":"A","label":"","dataType":"string"}],"rows":[["x"]]}
            """;
        var ex = Assert.Throws<DatasetFormatException>(() => ReadJson(json));
        Assert.Equal(
            string.Join(Environment.NewLine, [
                "t.json, column A: expected the required attribute itemOID, found none. Add it (label may be \"\").",
                "t.json: expected the required attribute datasetJSONCreationDateTime, found none. Add it.",
                "t.json: expected the required attribute itemGroupOID, found none. Add it.",
                "t.json: expected the required attribute label, found none. Add it (it may be \"\").",
                "t.json, attribute datasetJSONVersion: expected 1.1 or 1.1.n, found \"1.0.0\". This reader reads Dataset-JSON v1.1; convert v1.0 files (clinicalData/referenceData) to v1.1 first.",
            ]),
            ex.Message);

        string counted = Header.Replace("RECORDS", "2", StringComparison.Ordinal) + "\"columns\":[{\"itemOID\":\"I\",\"name\":\"A\",\"label\":\"\",\"dataType\":\"string\"}],\"rows\":[[\"x\"]]}";
        Assert.Equal(
            "t.json, attribute records: expected the number of rows in the file, 1, found 2. Set records to 1, or check that the file is complete.",
            Assert.Throws<DatasetFormatException>(() => ReadJson(counted)).Message);
    }

    [Fact]
    public void Unknown_data_types_and_unsupported_combinations_are_reported()
    {
        string json = Header.Replace("RECORDS", "0", StringComparison.Ordinal) + """
            "columns":[{"itemOID":"I1","name":"A","label":"","dataType":"text"},{"itemOID":"I2","name":"B","label":"","dataType":"string","targetDataType":"integer"},{"itemOID":"I3","name":"a","label":"","dataType":"string"}]}
            """;
        var lines = Assert.Throws<DatasetFormatException>(() => ReadJson(json)).Message.Split(Environment.NewLine);
        Assert.Equal(3, lines.Length);
        Assert.Contains("found \"text\"", lines[0], StringComparison.Ordinal);
        Assert.Contains("combination", lines[1], StringComparison.Ordinal);
        Assert.Contains("found a twice", lines[2], StringComparison.Ordinal);
    }

    [Fact]
    public void Rows_before_columns_a_byte_order_mark_unknown_attributes_and_crlf_are_accepted()
    {
        string json = "\uFEFF{\"rows\":[[1],[null]],\"extra\":{\"x\":[1,2]},\r\n" + Header.Replace("RECORDS", "2", StringComparison.Ordinal)[1..] + "\"columns\":[{\"itemOID\":\"I\",\"name\":\"N\",\"label\":\"\",\"dataType\":\"double\"}]}\r\n";
        var ds = ReadJson(json);
        Assert.Equal([1.0, double.NaN], ds.Columns[0].Numbers.ToArray());

        string ndjson = "\uFEFF" + Header.Replace("RECORDS", "2", StringComparison.Ordinal) + "\"columns\":[{\"itemOID\":\"I\",\"name\":\"N\",\"label\":\"\",\"dataType\":\"float\"}]}\r\n[1.5]\r\n[null]\r\n\r\n";
        var fromLines = DatasetJsonFile.Read(new MemoryStream(Encoding.UTF8.GetBytes(ndjson)), DatasetJsonForm.NdJson, "t.ndjson");
        Assert.Equal([1.5, double.NaN], fromLines.Columns[0].Numbers.ToArray());
    }

    [Fact]
    public void Syntax_errors_name_the_line_and_byte()
    {
        var ex = Assert.Throws<DatasetFormatException>(() => ReadJson("{\"records\":1,\n\"name\":x}"));
        Assert.StartsWith("t.json, line 2, byte 8: expected valid JSON, found a syntax error (", ex.Message, StringComparison.Ordinal);
        Assert.EndsWith("Check that the file is complete (not truncated) and is Dataset-JSON v1.1.", ex.Message, StringComparison.Ordinal);

        string ndjson = Header.Replace("RECORDS", "1", StringComparison.Ordinal) + "\"columns\":[{\"itemOID\":\"I\",\"name\":\"N\",\"label\":\"\",\"dataType\":\"double\"}]}\n[1,\n";
        var lineError = Assert.Throws<DatasetFormatException>(() => DatasetJsonFile.Read(new MemoryStream(Encoding.UTF8.GetBytes(ndjson)), DatasetJsonForm.NdJson, "t.ndjson"));
        Assert.StartsWith("t.ndjson, line 2, byte ", lineError.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Ndjson_without_columns_says_that_columns_are_missing()
    {
        string ndjson = Header.Replace("RECORDS", "1", StringComparison.Ordinal).TrimEnd(',') + "}\n[1]\n";
        var ex = Assert.Throws<DatasetFormatException>(() => DatasetJsonFile.Read(new MemoryStream(Encoding.UTF8.GetBytes(ndjson)), DatasetJsonForm.NdJson, "t.ndjson"));
        Assert.Equal("t.ndjson: expected the required attribute columns, found none. Add the column definitions.", ex.Message);
    }

    [Fact]
    public void Data_that_is_not_zlib_compressed_is_reported_as_such()
    {
        var ex = Assert.Throws<DatasetFormatException>(() => DatasetJsonFile.Read(new MemoryStream("{\"a\":1}"u8.ToArray()), DatasetJsonForm.CompressedNdJson, "t.dsjc"));
        Assert.StartsWith("t.dsjc: expected zlib-compressed NDJSON (DSJC), found data that does not decompress", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_extension_chooses_the_form_and_an_unknown_extension_is_refused()
    {
        Assert.Equal(DatasetJsonForm.NdJson, DatasetJsonFile.FormOf("a/b.NDJSON"));
        Assert.Equal(DatasetJsonForm.CompressedNdJson, DatasetJsonFile.FormOf("b.dsjc"));
        Assert.Null(DatasetJsonFile.FormOf("b.xpt"));
        var ex = Assert.Throws<DatasetFormatException>(() => DatasetJsonFile.Read("adsl.txt"));
        Assert.Equal("adsl.txt: expected a Dataset-JSON file ending in .json, .ndjson or .dsjc, found \".txt\". Rename the file or use DatasetFiles for other formats.", ex.Message);
    }

    [Fact]
    public void Garbage_gives_a_dataset_format_exception_or_a_dataset_never_another_exception()
    {
        var random = new Random(20250601);
        var seeds = new List<byte[]>();
        foreach (var form in new[] { DatasetJsonForm.Json, DatasetJsonForm.NdJson })
        {
            seeds.Add(WriteBytes(Sample(), form));
        }

        var inputs = new List<byte[]>();
        for (int i = 0; i < 200; i++)
        {
            var bytes = new byte[random.Next(0, 300)];
            random.NextBytes(bytes);
            inputs.Add(bytes);
        }

        foreach (var seed in seeds)
        {
            for (int cut = 0; cut < seed.Length; cut += 7)
            {
                inputs.Add(seed[..cut]);
            }

            for (int i = 0; i < 300; i++)
            {
                var mutated = (byte[])seed.Clone();
                for (int k = random.Next(1, 4); k > 0; k--)
                {
                    mutated[random.Next(mutated.Length)] = (byte)"{}[]\",:0n1.-e\"\\ \n\xff\xc3tfa"[random.Next(22)];
                }

                inputs.Add(mutated);
            }

            string text = Encoding.UTF8.GetString(seed);
            string[] swaps = ["64", "\"64\"", "true", "null", "[]", "{}", "\"x\"", "1e999", "-0", "99999999999999999999", "\"2014-13-45\""];
            foreach (string from in new[] { "64", "\"01-001\"", "true", "\"2014-01-02\"", "\"30.8983333232059\"", "1.1.0", "\"records\":4", "\"dataType\":\"string\"", "\"columns\"", "\"rows\"" })
            {
                foreach (string to in swaps)
                {
                    inputs.Add(Encoding.UTF8.GetBytes(text.Replace(from, to, StringComparison.Ordinal)));
                }
            }
        }

        string huge = new('x', 2_000_000);
        inputs.Add(Encoding.UTF8.GetBytes(Header.Replace("RECORDS", "1", StringComparison.Ordinal) + "\"columns\":[{\"itemOID\":\"I\",\"name\":\"N\",\"label\":\"\",\"dataType\":\"integer\"}],\"rows\":[[\"" + huge + "\"]]}"));
        inputs.Add(Encoding.UTF8.GetBytes(new string('[', 10_000)));
        inputs.Add([0xEF, 0xBB, 0xBF]);
        inputs.Add(Encoding.UTF8.GetBytes("{\"name\":\"\xff\"}"));
        inputs.Add([(byte)'{', (byte)'"', 0xC3, (byte)'"', (byte)':', (byte)'1', (byte)'}']);

        foreach (var input in inputs)
        {
            foreach (var form in new[] { DatasetJsonForm.Json, DatasetJsonForm.NdJson, DatasetJsonForm.CompressedNdJson })
            {
                byte[] payload = input;
                if (form == DatasetJsonForm.CompressedNdJson && random.Next(2) == 0)
                {
                    payload = Compress(input);
                    if (payload.Length > 10)
                    {
                        payload[random.Next(2, payload.Length)] ^= (byte)random.Next(1, 256);
                    }
                }

                try
                {
                    DatasetJsonFile.Read(new MemoryStream(payload), form, "fuzz");
                }
                catch (DatasetFormatException)
                {
                }
            }
        }
    }

    internal static void AssertSameDataset(Dataset expected, Dataset actual)
    {
        Assert.Equal(expected.Name, actual.Name);
        Assert.Equal(expected.Label, actual.Label);
        Assert.Equal(expected.RowCount, actual.RowCount);
        Assert.Equal(expected.Columns.Count, actual.Columns.Count);
        for (int c = 0; c < expected.Columns.Count; c++)
        {
            var e = expected.Columns[c];
            var a = actual.Columns[c];
            Assert.Equal(e.Name, a.Name);
            Assert.Equal(e.Label, a.Label);
            Assert.Equal(e.Type, a.Type);
            Assert.Equal(e.Length, a.Length);
            Assert.Equal(e.DisplayFormat, a.DisplayFormat);
            Assert.Equal(e.ItemOid ?? $"IT.{expected.Name}.{e.Name}", a.ItemOid);
            Assert.Equal(e.KeySequence, a.KeySequence);
            if (e.IsCharacter)
            {
                Assert.Equal(e.Strings, a.Strings);
            }
            else
            {
                Assert.Equal(e.Numbers.ToArray().Select(BitConverter.DoubleToInt64Bits), a.Numbers.ToArray().Select(BitConverter.DoubleToInt64Bits));
            }
        }
    }

    private static byte[] WriteBytes(Dataset dataset, DatasetJsonForm form, DatasetJsonWriteOptions? options = null)
    {
        using var stream = new MemoryStream();
        DatasetJsonFile.Write(dataset, stream, form, options);
        return stream.ToArray();
    }

    private static Dataset ReadJson(string json) => DatasetJsonFile.Read(new MemoryStream(Encoding.UTF8.GetBytes(json)), DatasetJsonForm.Json, "t.json");

    private static byte[] Compress(byte[] bytes)
    {
        using var output = new MemoryStream();
        using (var zlib = new ZLibStream(output, CompressionLevel.Fastest))
        {
            zlib.Write(bytes);
        }

        return output.ToArray();
    }

    private static string GoldenPath(string name) =>
        Path.Combine(RepositoryPaths.Root, "tests", "OncoTrial.Clinical.Tests", "Data", "DatasetJson", name);
}
