using System.Diagnostics;
using OncoTrial.Reporting.Figures;
using SkiaSharp;
using Svg.Skia;

namespace OncoTrial.Reporting.Tests.Figures;

/// <summary>
/// The PNG bytes do not depend on the fonts of the host: the same figure is rendered here and in a child process of
/// this test assembly whose fontconfig sees no font at all (FONTCONFIG_FILE pointing at an empty configuration).
/// </summary>
public class PngFontIsolationTests
{
    private const string ChildOut = "ONCOTRIAL_PNG_CHILD_OUT";

    [Fact]
    public void The_PNG_is_the_same_with_and_without_system_fonts()
    {
        // Given: an empty fontconfig and a child run of the helper below
        using var folder = new TempFolder("png-fonts");
        string config = folder.Write("empty-fonts.conf", "<?xml version=\"1.0\"?>\n<!DOCTYPE fontconfig SYSTEM \"fonts.dtd\">\n<fontconfig></fontconfig>\n");
        string assembly = typeof(PngFontIsolationTests).Assembly.Location;
        string host = Environment.ProcessPath is { } p && Path.GetFileNameWithoutExtension(p) == "dotnet" ? p : "dotnet";
        var start = new ProcessStartInfo(host)
        {
            ArgumentList = { "exec", assembly, "-method", $"{typeof(PngFontIsolationTests).FullName}.{nameof(Child_renders_the_sample_figure_for_its_parent)}" },
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.Environment["FONTCONFIG_FILE"] = config;
        start.Environment[ChildOut] = folder.Path;

        // When
        using var child = Process.Start(start)!;
        string output = child.StandardOutput.ReadToEnd() + child.StandardError.ReadToEnd();
        Assert.True(child.WaitForExit(120_000), "the child run did not finish in two minutes");
        Assert.True(File.Exists(folder.File("bundled.png")), "the child wrote no PNG:\n" + output);

        // Then: the child saw no system font, and the bundled-font PNG is byte for byte the one rendered here
        Assert.Equal("0", File.ReadAllText(folder.File("families.txt")));
        Assert.Equal(Render(), File.ReadAllBytes(folder.File("bundled.png")));

        // And the check can fail: with the system lookup Svg.Skia uses by default, the two hosts draw different pixels.
        if (SKFontManager.Default.FontFamilyCount > 0)
        {
            Assert.NotEqual(RenderWithSystemFonts(), File.ReadAllBytes(folder.File("system.png")));
        }
    }

    [Fact]
    public void Child_renders_the_sample_figure_for_its_parent()
    {
        if (Environment.GetEnvironmentVariable(ChildOut) is not { } folder)
        {
            Assert.Skip($"Runs only as the child of {nameof(The_PNG_is_the_same_with_and_without_system_fonts)}.");
            return;
        }

        File.WriteAllText(Path.Combine(folder, "families.txt"), SKFontManager.Default.FontFamilyCount.ToString(System.Globalization.CultureInfo.InvariantCulture));
        File.WriteAllBytes(Path.Combine(folder, "system.png"), RenderWithSystemFonts());
        File.WriteAllBytes(Path.Combine(folder, "bundled.png"), Render());
    }

    private static Figure Sample() => FigureSamples.KaplanMeierTwoArms();

    private static byte[] Render() => PngRenderer.Render(Sample(), 150);

    /// <summary>The same SVG through Svg.Skia's default typeface providers (a system font lookup).</summary>
    private static byte[] RenderWithSystemFonts()
    {
        using var svg = new SKSvg();
        svg.FromSvg(SvgWriter.Write(Sample()));
        using var stream = new MemoryStream();
        svg.Save(stream, SKColors.White, SKEncodedImageFormat.Png, 100, 2, 2);
        return stream.ToArray();
    }
}
