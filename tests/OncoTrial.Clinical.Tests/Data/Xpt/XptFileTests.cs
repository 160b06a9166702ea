using System.Buffers.Binary;
using OncoTrial.Clinical.Data;

namespace OncoTrial.Clinical.Tests.Data.Xpt;

public class XptFileTests
{
    private readonly ITestOutputHelper _output;

    public XptFileTests(ITestOutputHelper output) => _output = output;

    // ---- IBM System/360 floating point ----

    [Theory]
    [InlineData(1.0, 0x4110_0000_0000_0000UL)]
    [InlineData(-1.0, 0xC110_0000_0000_0000UL)]
    [InlineData(2.0, 0x4120_0000_0000_0000UL)]
    [InlineData(0.0, 0x0000_0000_0000_0000UL)]
    [InlineData(0.5, 0x4080_0000_0000_0000UL)]
    [InlineData(0.0625, 0x4010_0000_0000_0000UL)]
    [InlineData(16.0, 0x4210_0000_0000_0000UL)]
    [InlineData(100.0, 0x4264_0000_0000_0000UL)]
    [InlineData(-118.625, 0xC276_A000_0000_0000UL)]
    [InlineData(0.1, 0x4019_9999_9999_999AUL)]
    public void TS_140_test_vectors_encode_and_decode_exactly(double value, ulong ibm)
    {
        Assert.True(IbmFloat.TryEncode(value, out ulong raw));
        Assert.Equal(ibm.ToString("X16", null), raw.ToString("X16", null));
        Assert.Equal(value, IbmFloat.Read(ibm, out char code));
        Assert.Equal('\0', code);
    }

    [Fact]
    public void Every_double_in_IBM_range_survives_IEEE_to_IBM_to_IEEE_exactly()
    {
        var random = new Random(20240601);
        for (int i = 0; i < 200_000; i++)
        {
            double mantissa = random.NextDouble() + 0.5;
            int exponent = random.Next(-250, 250);
            double v = Math.ScaleB(mantissa, exponent) * (random.Next(2) == 0 ? -1 : 1);
            Assert.True(IbmFloat.TryEncode(v, out ulong raw), $"{v:R}");
            double back = IbmFloat.Read(raw, out _);
            Assert.True(back == v, $"{v:R} came back as {back:R} (IBM {raw:X16})");
        }
    }

    [Fact]
    public void IBM_fractions_longer_than_53_bits_round_to_nearest_with_ties_to_even()
    {
        // 0x80000000000004: 56 bits, the 3 dropped bits are exactly half and the kept bit is even -> down.
        Assert.Equal(0.5, IbmFloat.Read(0x4080_0000_0000_0004UL, out _));

        // 0x8000000000000C: half with an odd kept bit (...001) -> up to ...010, i.e. 0.5 + 2 ulp (ulp of 0.5 = 2^-53).
        Assert.Equal(0.5 + Math.ScaleB(1, -52), IbmFloat.Read(0x4080_0000_0000_000CUL, out _));

        // More than half -> up; less than half -> down.
        Assert.Equal(0.5 + Math.ScaleB(1, -53), IbmFloat.Read(0x4080_0000_0000_0005UL, out _));
        Assert.Equal(0.5, IbmFloat.Read(0x4080_0000_0000_0003UL, out _));
    }

    [Fact]
    public void Values_stored_in_fewer_than_8_bytes_are_padded_with_zero_bytes()
    {
        Assert.Equal(1.0, IbmFloat.Read([0x41, 0x10], out _));
        Assert.Equal(100.5, IbmFloat.Read([0x42, 0x64, 0x80], out _));
        Assert.Equal(-19725.0, IbmFloat.Read([0xC4, 0x4D, 0x0D, 0x00], out _));
    }

    [Fact]
    public void Infinity_and_values_beyond_16_to_the_63_cannot_be_encoded_and_tiny_values_underflow_to_zero()
    {
        Assert.False(IbmFloat.TryEncode(double.PositiveInfinity, out _));
        Assert.False(IbmFloat.TryEncode(1e77, out _));
        Assert.True(IbmFloat.TryEncode(7e75, out _));
        Assert.True(IbmFloat.TryEncode(1e-300, out ulong zero));
        Assert.Equal(0UL, zero);
        Assert.True(IbmFloat.TryEncode(Math.ScaleB(1, -260), out ulong tiny)); // 16^-65: unnormalised, exponent 0
        Assert.Equal(Math.ScaleB(1, -260), IbmFloat.Read(tiny, out _));
    }

    // ---- Missing values ----

    [Fact]
    public void All_28_SAS_missing_codes_are_a_code_byte_followed_by_zeros_both_ways()
    {
        string codes = "._ABCDEFGHIJKLMNOPQRSTUVWXYZ";
        foreach (char c in codes)
        {
            ulong raw = IbmFloat.Missing(c);
            Assert.Equal((ulong)c << 56, raw);
            Assert.True(double.IsNaN(IbmFloat.Read(raw, out char back)));
            Assert.Equal(c, back);
        }

        // A code byte with a non-zero fraction is a number, not a missing value.
        Assert.False(double.IsNaN(IbmFloat.Read(0x4110_0000_0000_0000UL, out _)));
    }

    // ---- Round trips ----

    [Fact]
    public void A_dataset_with_every_type_and_special_missing_values_round_trips_value_for_value()
    {
        var dataset = EveryType();
        byte[] bytes = Write(dataset);
        var back = XptFile.Read(new MemoryStream(bytes), "roundtrip.xpt");

        Assert.Equal("ALLTYPES", back.Name);
        Assert.Equal("Every type ± special", back.Label);
        Assert.Equal(dataset.RowCount, back.RowCount);
        Assert.Equal(dataset.Columns.Select(c => c.Name), back.Columns.Select(c => c.Name));
        Assert.Equal(dataset.Columns.Select(c => c.Label), back.Columns.Select(c => c.Label));
        Assert.Equal(
            [DatasetValueType.String, DatasetValueType.Double, DatasetValueType.Double, DatasetValueType.Double, DatasetValueType.Double, DatasetValueType.Date, DatasetValueType.DateTime, DatasetValueType.Time, DatasetValueType.Double, DatasetValueType.Date],
            back.Columns.Select(c => c.Type));
        Assert.Equal(["$CHAR12.", null, "8.2", null, null, "DATE9.", "DATETIME20.", "TIME8.", null, "E8601DA."], back.Columns.Select(c => c.DisplayFormat));
        Assert.Equal([12, 8, 8, 8, 8, 8, 8, 8, 4, 8], back.Columns.Select(c => c.Length ?? -1));
        for (int c = 0; c < dataset.Columns.Count; c++)
        {
            var expected = dataset.Columns[c];
            var actual = back.Columns[c];
            for (int r = 0; r < dataset.RowCount; r++)
            {
                if (expected.IsCharacter)
                {
                    Assert.Equal(expected.GetString(r), actual.GetString(r));
                }
                else
                {
                    Assert.Equal(expected.GetNumber(r), actual.GetNumber(r));
                    Assert.Equal(expected.GetMissingCode(r), actual.GetMissingCode(r));
                }
            }
        }

        Assert.Equal(bytes, Write(back));
    }

    [Fact]
    public void The_default_header_is_deterministic_with_SAS_9_4_X64_7PRO_and_the_SAS_epoch_as_timestamps()
    {
        byte[] bytes = Write(EveryType());
        string header = System.Text.Encoding.ASCII.GetString(bytes, 80, 80);
        Assert.Equal("SAS     SAS     SASLIB  9.4     X64_7PRO" + new string(' ', 24) + "01JAN60:00:00:00", header);
        Assert.Equal("01JAN60:00:00:00" + new string(' ', 64), System.Text.Encoding.ASCII.GetString(bytes, 160, 80));
        Assert.Equal(bytes, Write(EveryType()));
        Assert.Equal(0, bytes.Length % 80);

        var options = new XptWriteOptions { Created = new DateTime(2012, 10, 15, 22, 56, 22), SasVersion = "9.3", OperatingSystem = "X64_7HOM" };
        var stream = new MemoryStream();
        XptFile.Write(EveryType(), stream, options);
        Assert.Equal("SAS     SAS     SASLIB  9.3     X64_7HOM" + new string(' ', 24) + "15OCT12:22:56:22", System.Text.Encoding.ASCII.GetString(stream.ToArray(), 80, 80));
    }

    [Fact]
    public void Blank_and_empty_strings_are_read_as_missing_and_trailing_blanks_are_trimmed()
    {
        var ds = new Dataset("T", string.Empty, [
            DatasetColumn.Character("A", string.Empty, ["  lead", "trail   ", "   ", string.Empty, null, "x"]),
        ]);
        var back = XptFile.Read(new MemoryStream(Write(ds)), "t.xpt");
        Assert.Equal(["  lead", "trail", null, null, null, "x"], back.Columns[0].Strings);
    }

    [Fact]
    public void Blank_rows_inside_the_data_are_kept_and_only_padding_is_dropped()
    {
        // Observation of 3 bytes: 26 full rows and 2 bytes fill 80; here 5 rows with blank rows inside.
        var ds = new Dataset("T", string.Empty, [DatasetColumn.Character("A", string.Empty, ["a", null, null, "b", "c"])]);
        var back = XptFile.Read(new MemoryStream(Write(ds)), "t.xpt");
        Assert.Equal(["a", null, null, "b", "c"], back.Columns[0].Strings);
        Assert.Equal(5, back.RowCount);
    }

    [Fact]
    public void An_empty_dataset_and_a_dataset_without_columns_round_trip()
    {
        var empty = new Dataset("EMPTY", "No rows", [DatasetColumn.Numeric("X", "x", DatasetValueType.Double, [])]);
        var back = XptFile.Read(new MemoryStream(Write(empty)), "e.xpt");
        Assert.Equal(0, back.RowCount);
        Assert.Equal("X", back.Columns[0].Name);

        var none = new Dataset("NONE", string.Empty, []);
        Assert.Empty(XptFile.Read(new MemoryStream(Write(none)), "n.xpt").Columns);
    }

    [Fact]
    public void ReadAll_reads_every_member_and_Read_refuses_a_file_with_two()
    {
        byte[] a = Write(EveryType());
        byte[] b = Write(new Dataset("SECOND", "Second member", [DatasetColumn.Character("C", string.Empty, ["x"])]));
        byte[] both = [.. a, .. b.AsSpan(3 * 80)]; // the second file without its library header
        var all = XptFile.ReadAll(new MemoryStream(both), "two.xpt");
        Assert.Equal(["ALLTYPES", "SECOND"], all.Select(d => d.Name));
        Assert.Equal(EveryType().RowCount, all[0].RowCount);
        Assert.Equal("x", all[1].Columns[0].GetString(0));

        var e = Assert.Throws<DatasetFormatException>(() => XptFile.Read(new MemoryStream(both), "two.xpt"));
        Assert.Contains("found 2 (ALLTYPES, SECOND)", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_stream_that_cannot_seek_and_returns_few_bytes_per_read_gives_the_same_dataset()
    {
        var ds = Large(5000);
        byte[] bytes = Write(ds);
        var back = XptFile.Read(new TrickleStream(bytes), "pipe");
        Assert.Equal(ds.RowCount, back.RowCount);
        Assert.Equal(bytes, Write(back));
    }

    [Fact]
    public void The_136_byte_VAX_VMS_NAMESTR_is_accepted()
    {
        var ds = new Dataset("VAX", string.Empty, [
            DatasetColumn.Numeric("X", "x", DatasetValueType.Double, [1, 2, 3]),
            DatasetColumn.Character("C", "c", ["a", "bb", "ccc"]),
        ]);
        byte[] bytes = Write(ds);

        // Rebuild the NAMESTR section with 136-byte records and mark the member header.
        int namestrStart = 8 * 80;
        byte[] namestrs = new byte[80 * 4];
        namestrs.AsSpan().Fill((byte)' ');
        bytes.AsSpan(namestrStart, 136).CopyTo(namestrs);
        bytes.AsSpan(namestrStart + 140, 136).CopyTo(namestrs.AsSpan(136));
        byte[] vax = [.. bytes.AsSpan(0, namestrStart), .. namestrs.AsSpan(0, 320), .. bytes.AsSpan(namestrStart + 320)];
        "0136"u8.CopyTo(vax.AsSpan((3 * 80) + 74));
        var back = XptFile.Read(new MemoryStream(vax), "vax.xpt");
        Assert.Equal([1.0, 2.0, 3.0], back.Columns[0].Numbers.ToArray());
        Assert.Equal(["a", "bb", "ccc"], back.Columns[1].Strings);
    }

    // ---- Real data: the CDISC pilot files ----

    [Theory]
    [InlineData("adam-adae.xpt", "ADAE", 1191, 55)]
    [InlineData("adam-adsl.xpt", "ADSL", 254, 48)]
    [InlineData("adam-adtte.xpt", "ADTTE", 254, 26)]
    [InlineData("sdtm-ae.xpt", "AE", 1191, 35)]
    [InlineData("sdtm-dm.xpt", "DM", 306, 25)]
    [InlineData("sdtm-ds.xpt", "DS", 596, 13)]
    [InlineData("sdtm-ex.xpt", "EX", 591, 17)]
    public void Every_CDISC_pilot_file_is_read_with_its_rows_and_columns(string file, string name, int rows, int columns)
    {
        string folder = PilotData.RequireFolder();

        var ds = XptFile.Read(Path.Combine(folder, file));
        Assert.Equal(name, ds.Name);
        Assert.Equal(rows, ds.RowCount);
        Assert.Equal(columns, ds.Columns.Count);
        Assert.Equal("CDISCPILOT01", ds.Find("STUDYID")!.GetString(0));
        Assert.Equal("01-701-1015", ds.Find("USUBJID")!.GetString(0));
        Assert.Equal("01-718-1427", ds.Find("USUBJID")!.GetString(rows - 1));
        _output.WriteLine($"{file}: {ds.Name} \"{ds.Label}\" {ds.RowCount} x {ds.Columns.Count}: " + string.Join(", ", ds.Columns.Select(c => $"{c.Name}:{c.Type}/{c.Length}/{c.DisplayFormat}")));
    }

    [Fact]
    public void The_pilot_ADTTE_values_match_what_SAS_stored()
    {
        string folder = PilotData.RequireFolder();

        var ds = XptFile.Read(Path.Combine(folder, "adam-adtte.xpt"));
        Assert.Equal(63.0, ds.Find("AGE")!.GetNumber(0));
        Assert.Equal("<65", ds.Find("AGEGR1")!.GetString(0));
        Assert.Equal(2.0, ds.Find("AVAL")!.GetNumber(0));
        Assert.Equal(0.0, ds.Find("CNSR")!.GetNumber(0));
        Assert.Equal(1.0, ds.Find("CNSR")!.GetNumber(3));
        Assert.Null(ds.Find("SRCSEQ")!.GetNumber(3));
        Assert.Equal('.', ds.Find("SRCSEQ")!.GetMissingCode(3));
        var trtsdt = ds.Find("TRTSDT")!;
        Assert.Equal(DatasetValueType.Date, trtsdt.Type);
        Assert.Equal(19725.0, trtsdt.GetNumber(0));
        Assert.Equal("2014-01-02", trtsdt.Format(0));
        Assert.Equal("Time to First Dermatologic Event", ds.Find("PARAM")!.GetString(0));
    }

    [Fact]
    public void Rewriting_a_pilot_file_with_its_header_fields_reproduces_its_bytes()
    {
        string folder = PilotData.RequireFolder();

        foreach (string file in PilotData.Files)
        {
            byte[] original = File.ReadAllBytes(Path.Combine(folder, file));
            var ds = XptFile.Read(new MemoryStream(original), file);
            var options = HeaderOf(original);
            var stream = new MemoryStream();
            XptFile.Write(ds, stream, options);
            byte[] rewritten = stream.ToArray();
            int first = FirstDifference(original, rewritten);
            _output.WriteLine($"{file}: {original.Length} bytes, rewritten {rewritten.Length}, first difference at {first}");
            Assert.True(first < 0, $"{file}: rewrite differs at byte {first} (record {first / 80}, column {first % 80})");
        }
    }

    // ---- Writer validation ----

    [Fact]
    public void The_writer_lists_every_problem_with_dataset_column_row_expected_found_and_fix()
    {
        var ds = new Dataset("adverse_events", new string('L', 41), [
            DatasetColumn.Character("USUBJIDLONG", "Unique Subject Identifier", ["a", "b"]),
            DatasetColumn.Character("AETERM", "Température ± corporelle élevée, grade ±", ["x", new string('y', 201)]),
            DatasetColumn.Character("AEDECOD", string.Empty, ["abcdef", "ab"]).WithLengthAndFormat(4, null),
            DatasetColumn.Numeric("aval", string.Empty, DatasetValueType.Double, [double.PositiveInfinity, 1]),
            DatasetColumn.Numeric("ADT", string.Empty, DatasetValueType.Date, [1, 2]).WithLengthAndFormat(null, "DATE9"),
        ]);
        var e = Assert.Throws<DatasetFormatException>(() => Write(ds));
        string m = e.Message;
        _output.WriteLine(m);
        Assert.Equal(9, e.Problems.Count);
        Assert.All(e.Problems, p => Assert.Equal("dataset adverse_events", p.File));
        Assert.Contains("dataset adverse_events: expected a dataset name of 1-8 characters matching [A-Z_][A-Z0-9_]*, found \"adverse_events\" (14 characters). Rename it", m, StringComparison.Ordinal);
        Assert.Contains("expected a dataset label of at most 40 bytes", m, StringComparison.Ordinal);
        Assert.Contains("column USUBJIDLONG: expected a variable name of 1-8 characters", m, StringComparison.Ordinal);
        Assert.Contains("column AETERM: expected a variable label of at most 40 bytes (UTF-8; a non-ASCII character takes 2-4), found 45 bytes", m, StringComparison.Ordinal);
        Assert.Contains("column AETERM, row 2: expected character values of at most 200 bytes (XPT v5), found 201 bytes", m, StringComparison.Ordinal);
        Assert.Contains("column AEDECOD, row 1: expected values of at most the column's Length of 4 bytes, found 6 bytes. Set Length to at least 6", m, StringComparison.Ordinal);
        Assert.Contains("column aval: expected a variable name", m, StringComparison.Ordinal);
        Assert.Contains("column aval, row 1: expected a finite number within ±7.2e75 (IBM floating point), found Infinity", m, StringComparison.Ordinal);
        Assert.Contains("column ADT: expected a SAS display format such as DATE9.", m, StringComparison.Ordinal);
    }

    [Fact]
    public void The_writer_refuses_an_all_blank_last_row_that_a_reader_would_take_for_padding()
    {
        var ds = new Dataset("T", string.Empty, [DatasetColumn.Character("A", string.Empty, ["a", null])]);
        var e = Assert.Throws<DatasetFormatException>(() => Write(ds));
        Assert.Contains("dataset T, row 2: expected a last row with a value", e.Message, StringComparison.Ordinal);
        Assert.Contains("Remove the row, put it earlier, or add a value.", e.Message, StringComparison.Ordinal);

        // With an 80-byte observation the last row cannot hide in padding.
        var wide = new Dataset("T", string.Empty, [DatasetColumn.Character("A", string.Empty, ["a", null]).WithLengthAndFormat(80, null)]);
        Assert.Equal(["a", null], XptFile.Read(new MemoryStream(Write(wide)), "t.xpt").Columns[0].Strings);
    }

    [Fact]
    public void A_failed_write_to_a_path_creates_no_file()
    {
        string path = Path.Combine(Path.GetTempPath(), $"oncotrial-xpt-{Guid.NewGuid():N}.xpt");
        var ds = new Dataset("TOOLONGNAME", string.Empty, []);
        Assert.Throws<DatasetFormatException>(() => XptFile.Write(ds, path));
        Assert.False(File.Exists(path));
    }

    // ---- Reader robustness ----

    [Fact]
    public void Files_that_are_not_XPT_v5_are_refused_with_the_offset_and_what_was_expected()
    {
        var e = Assert.Throws<DatasetFormatException>(() => XptFile.Read(new MemoryStream("id,name\n1,a\n"u8.ToArray()), "data.csv"));
        Assert.StartsWith("data.csv, byte offset 0: expected the XPT library header record", e.Message, StringComparison.Ordinal);

        byte[] csv = new byte[160];
        csv.AsSpan().Fill((byte)'x');
        e = Assert.Throws<DatasetFormatException>(() => XptFile.Read(new MemoryStream(csv), "x.xpt"));
        Assert.Contains("byte offset 0: expected an XPT version 5 library header", e.Message, StringComparison.Ordinal);

        byte[] v8 = Write(EveryType());
        "LIBV8  "u8.CopyTo(v8.AsSpan(20));
        e = Assert.Throws<DatasetFormatException>(() => XptFile.Read(new MemoryStream(v8), "v8.xpt"));
        Assert.Contains("version 8/9 header", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_truncated_file_names_the_offset_and_what_was_missing()
    {
        byte[] bytes = Write(EveryType());
        var e = Assert.Throws<DatasetFormatException>(() => XptFile.Read(new MemoryStream(bytes[..(8 * 80 + 100)]), "cut.xpt"));
        Assert.Equal("cut.xpt, byte offset 640: expected NAMESTR record 1 of 10 (140 bytes), found the end of the file (100 bytes left). The file is truncated; copy or export it again.", e.Message);

        int obs = bytes.Length - 80 - 5;
        e = Assert.Throws<DatasetFormatException>(() => XptFile.Read(new MemoryStream(bytes[..obs]), "cut.xpt"));
        Assert.Contains("bytes with data. The file is truncated", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Fuzz_random_bytes_truncations_and_flipped_bytes_give_a_dataset_or_a_DatasetFormatException()
    {
        var random = new Random(140);
        var inputs = new List<byte[]>();
        byte[] written = Write(EveryType());
        byte[] large = Write(Large(300));
        for (int i = 0; i < 300; i++)
        {
            byte[] noise = new byte[random.Next(0, 2000)];
            random.NextBytes(noise);
            inputs.Add(noise);
            byte[] headed = [.. written.AsSpan(0, random.Next(0, written.Length)), .. noise];
            inputs.Add(headed);
        }

        foreach (byte[] source in new[] { written, large }.Concat(PilotBytes()))
        {
            for (int cut = 0; cut < source.Length; cut += Math.Max(1, source.Length / 400))
            {
                inputs.Add(source[..cut]);
            }

            for (int i = 0; i < 400; i++)
            {
                byte[] flipped = (byte[])source.Clone();
                int count = random.Next(1, 4);
                for (int k = 0; k < count; k++)
                {
                    // Mostly hit the headers and NAMESTRs, where the structure lives.
                    int at = random.Next(2) == 0 ? random.Next(Math.Min(source.Length, 4000)) : random.Next(source.Length);
                    flipped[at] = (byte)random.Next(256);
                }

                inputs.Add(flipped);
            }
        }

        int ok = 0;
        int refused = 0;
        foreach (byte[] input in inputs)
        {
            try
            {
                _ = XptFile.ReadAll(new MemoryStream(input), "fuzz.xpt");
                _ = XptFile.ReadAll(new TrickleStream(input), "fuzz.xpt");
                ok++;
            }
            catch (DatasetFormatException e)
            {
                Assert.Contains("fuzz.xpt", e.Message, StringComparison.Ordinal);
                refused++;
            }
        }

        _output.WriteLine($"{inputs.Count} inputs: {ok} read, {refused} refused with DatasetFormatException");
    }

    // ---- helpers ----

    internal static Dataset EveryType()
    {
        var date = new DateOnly(2024, 2, 29);
        return new Dataset("ALLTYPES", "Every type ± special", [
            DatasetColumn.Character("USUBJID", "Unique Subject Identifier", ["01-001", "01-002", null, "é ü", "  x", "12345678901"]).WithLengthAndFormat(12, "$CHAR12."),
            DatasetColumn.Numeric("AGE", "Age", DatasetValueType.Integer, [63, -1, double.NaN, 0, 120, 1e9], ['\0', '\0', 'A', '\0', '\0', '\0']),
            DatasetColumn.Numeric("DOSE", "Dose (mg)", DatasetValueType.Decimal, [0.1, 2.5, double.NaN, 1e-70, -3.75, 1e70]).WithLengthAndFormat(null, "8.2"),
            DatasetColumn.Numeric("RATIO", "Ratio", DatasetValueType.Double, [Math.PI, -Math.E, double.NaN, double.NaN, double.NaN, 1.0 / 3.0], ['.', '.', 'Z', '_', '.', '.']),
            DatasetColumn.Numeric("SAFFL", "Safety flag", DatasetValueType.Boolean, [1, 0, 1, 0, double.NaN, 1]),
            DatasetColumn.Numeric("ADT", "Analysis Date", DatasetValueType.Date, [SasDates.FromDate(date), 0, -3653, double.NaN, 22000, 1]),
            DatasetColumn.Numeric("ADTM", "Analysis Datetime", DatasetValueType.DateTime, [SasDates.FromDateTime(new DateTime(2024, 2, 29, 13, 45, 10)), 0, 1.5, double.NaN, -86400, 2e9]),
            DatasetColumn.Numeric("ATM", "Analysis Time", DatasetValueType.Time, [0, 86399, 3600.25, double.NaN, 60, 1]),
            DatasetColumn.Numeric("SHORT", "Stored in 4 bytes", DatasetValueType.Double, [1, 255, 65535, double.NaN, -4096, 0.5]).WithLengthAndFormat(4, null),
            DatasetColumn.Numeric("TRTSDT", "Start", DatasetValueType.Date, [19725, 19210, double.NaN, 1, 2, 3]).WithLengthAndFormat(null, "E8601DA."),
        ]);
    }

    internal static Dataset Large(int rows)
    {
        var random = new Random(rows);
        var ids = new string?[rows];
        var arms = new string?[rows];
        var aval = new double[rows];
        var dates = new double[rows];
        string[] armNames = ["Placebo", "Xanomeline Low Dose", "Xanomeline High Dose"];
        for (int i = 0; i < rows; i++)
        {
            ids[i] = $"01-{i / 1000:D3}-{i % 1000:D4}";
            arms[i] = armNames[i % 3];
            aval[i] = random.Next(4) == 0 ? double.NaN : random.NextDouble() * 1000;
            dates[i] = 19000 + random.Next(2000);
        }

        return new Dataset("BIG", "Large", [
            DatasetColumn.Character("USUBJID", "Id", ids),
            DatasetColumn.Character("ARM", "Arm", arms),
            DatasetColumn.Numeric("AVAL", "Value", DatasetValueType.Double, aval),
            DatasetColumn.Numeric("ADT", "Date", DatasetValueType.Date, dates),
        ]);
    }

    internal static byte[] Write(Dataset dataset)
    {
        var stream = new MemoryStream();
        XptFile.Write(dataset, stream);
        return stream.ToArray();
    }

    private static IEnumerable<byte[]> PilotBytes()
    {
        if (PilotData.FindFolder() is not string folder)
        {
            yield break;
        }

        yield return File.ReadAllBytes(Path.Combine(folder, "adam-adtte.xpt"));
        yield return File.ReadAllBytes(Path.Combine(folder, "sdtm-dm.xpt"));
    }

    private static XptWriteOptions HeaderOf(byte[] file)
    {
        string record = System.Text.Encoding.ASCII.GetString(file, 80, 80);
        string modified = System.Text.Encoding.ASCII.GetString(file, 160, 16);
        return new XptWriteOptions
        {
            SasVersion = record.Substring(24, 8).TrimEnd(),
            OperatingSystem = record.Substring(32, 8).TrimEnd(),
            Created = ParseTimestamp(record.Substring(64, 16)),
            Modified = ParseTimestamp(modified),
        };
    }

    private static DateTime ParseTimestamp(string s) =>
        DateTime.ParseExact(s[..2] + char.ToUpperInvariant(s[2]) + s.Substring(3, 2).ToLowerInvariant() + s[5..], "ddMMMyy:HH:mm:ss", System.Globalization.CultureInfo.InvariantCulture);

    private static int FirstDifference(byte[] a, byte[] b)
    {
        int n = Math.Min(a.Length, b.Length);
        for (int i = 0; i < n; i++)
        {
            if (a[i] != b[i])
            {
                return i;
            }
        }

        return a.Length == b.Length ? -1 : n;
    }

    /// <summary>A read-only, non-seekable stream that hands out at most 37 bytes per read (a pipe or socket).</summary>
    private sealed class TrickleStream(byte[] data) : Stream
    {
        private int _position;

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count)
        {
            int n = Math.Min(Math.Min(count, 37), data.Length - _position);
            Array.Copy(data, _position, buffer, offset, n);
            _position += n;
            return n;
        }

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
