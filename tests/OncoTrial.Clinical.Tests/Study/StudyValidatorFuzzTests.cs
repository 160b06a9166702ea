using System.Text;
using OncoTrial.Clinical.Study;

namespace OncoTrial.Clinical.Tests.Study;

/// <summary>The validator never throws, whatever the bytes: seeded mutations of the valid study.</summary>
public class StudyValidatorFuzzTests
{
    private static readonly string[] Files = Directory.GetFiles(StudyFolders.ValidMinimal, "*.csv").Select(Path.GetFileName).OfType<string>().Order(StringComparer.Ordinal).ToArray();

    public static TheoryData<int> Seeds()
    {
        var data = new TheoryData<int>();
        for (int seed = 1; seed <= 12; seed++)
        {
            data.Add(seed);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public void Mutated_files_never_crash_the_validator(int seed)
    {
        var random = new Random(seed);
        for (int round = 0; round < 10; round++)
        {
            string dir = StudyFolders.CopyToTemp(StudyFolders.ValidMinimal);
            try
            {
                int mutations = 1 + random.Next(3);
                for (int m = 0; m < mutations; m++)
                {
                    string path = Path.Combine(dir, Files[random.Next(Files.Length)]);
                    File.WriteAllBytes(path, Mutate(File.ReadAllBytes(path), random));
                }

                var report = StudyValidator.Validate(dir);
                Assert.NotNull(report);
                Assert.All(report.Problems, p => Assert.False(string.IsNullOrEmpty(p.ToString())));
            }
            finally
            {
                Directory.Delete(dir, recursive: true);
            }
        }
    }

    [Fact]
    public void Random_bytes_in_every_file_are_reported_not_thrown()
    {
        var random = new Random(42);
        string dir = StudyFolders.CopyToTemp(StudyFolders.ValidMinimal);
        try
        {
            foreach (string file in Files)
            {
                var bytes = new byte[random.Next(0, 4096)];
                random.NextBytes(bytes);
                File.WriteAllBytes(Path.Combine(dir, file), bytes);
            }

            var report = StudyValidator.Validate(dir);
            Assert.NotEmpty(report.Problems);
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    [Fact]
    public void Empty_files_and_a_huge_field_are_reported_not_thrown()
    {
        string dir = StudyFolders.CopyToTemp(StudyFolders.ValidMinimal);
        try
        {
            File.WriteAllBytes(Path.Combine(dir, "dm.csv"), []);
            string ae = File.ReadAllText(Path.Combine(dir, "ae.csv"));
            File.WriteAllText(Path.Combine(dir, "ae.csv"), ae.Replace("Hair loss", new string('x', 2_000_000), StringComparison.Ordinal));
            var report = StudyValidator.Validate(dir);
            Assert.False(report.IsUsable);
            Assert.Contains(report.Problems, p => p.File == "dm.csv" && p.Code == "CSV_STRUCTURE");
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    private static byte[] Mutate(byte[] bytes, Random random)
    {
        switch (random.Next(8))
        {
            case 0: // truncate
                return bytes[..random.Next(bytes.Length + 1)];
            case 1: // flip bytes
                var copy = (byte[])bytes.Clone();
                for (int i = 0; i < 1 + random.Next(20) && copy.Length > 0; i++)
                {
                    copy[random.Next(copy.Length)] = (byte)random.Next(256);
                }

                return copy;
            case 2: // BOMs, UTF-8 then UTF-16
                return [0xEF, 0xBB, 0xBF, .. bytes];
            case 3:
                return [0xFF, 0xFE, .. Encoding.Unicode.GetBytes(Encoding.UTF8.GetString(bytes))];
            case 4: // Latin-1
                return Encoding.Latin1.GetBytes(Encoding.UTF8.GetString(bytes).Replace("a", "\u00e9", StringComparison.Ordinal));
            case 5: // huge field
                string text = Encoding.UTF8.GetString(bytes);
                int at = random.Next(text.Length + 1);
                return Encoding.UTF8.GetBytes(text[..at] + new string('9', 300_000) + text[at..]);
            case 6: // stray quotes, commas and line breaks
                var sb = new StringBuilder(Encoding.UTF8.GetString(bytes));
                for (int i = 0; i < 1 + random.Next(10); i++)
                {
                    sb.Insert(random.Next(sb.Length + 1), "\",\r\n\u0000"[random.Next(5)]);
                }

                return Encoding.UTF8.GetBytes(sb.ToString());
            default: // random bytes
                var noise = new byte[random.Next(2048)];
                random.NextBytes(noise);
                return noise;
        }
    }
}

public class StudyFolderEncodingTests
{
    [Fact]
    public void A_UTF8_byte_order_mark_and_CRLF_line_ends_are_accepted()
    {
        string dir = StudyFolders.CopyToTemp(StudyFolders.ValidMinimal);
        try
        {
            string path = Path.Combine(dir, "dm.csv");
            string text = File.ReadAllText(path).Replace("\n", "\r\n", StringComparison.Ordinal);
            File.WriteAllBytes(path, [0xEF, 0xBB, 0xBF, .. Encoding.UTF8.GetBytes(text)]);
            var report = StudyValidator.Validate(dir);
            Assert.Empty(report.Problems);
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }
}
