using OncoTrial.Reporting.Figures;

namespace OncoTrial.Reporting.Tests.Figures;

public class FigurePngTests
{
    public static TheoryData<string> Names => new(Gallery.All.Keys.Concat(AtScaleSamples.All.Keys));

    private static Figure Make(string name) => Gallery.All.TryGetValue(name, out var make) ? make() : AtScaleSamples.All[name]();

    [Theory]
    [MemberData(nameof(Names))]
    public void Every_figure_renders_to_a_PNG_of_its_size_at_300_dpi_and_the_same_bytes_twice(string name)
    {
        // Given
        var figure = Make(name);

        // When
        byte[] first = PngRenderer.Render(figure);
        byte[] second = PngRenderer.Render(Make(name));

        // Then
        Assert.Equal(first, second);
        var (width, height) = PngSize(first);
        Assert.Equal((int)Math.Round(figure.Width * 300 / 72, MidpointRounding.AwayFromZero), width);
        Assert.Equal((int)Math.Round(figure.Height * 300 / 72, MidpointRounding.AwayFromZero), height);
        using var bitmap = SkiaSharp.SKBitmap.Decode(first);
        Assert.Equal((width, height), (bitmap.Width, bitmap.Height));
        Assert.Equal(SkiaSharp.SKColors.White, bitmap.GetPixel(0, 0));
        Assert.True(Enumerable.Range(0, 200).Any(k => bitmap.GetPixel(k * width / 200, height / 2) != SkiaSharp.SKColors.White), "the middle row is blank");
        if (FigureSamples.PngFolder is { } folder)
        {
            Directory.CreateDirectory(folder);
            File.WriteAllBytes(Path.Combine(folder, name + ".png"), PngRenderer.Render(figure, PngRenderer.ScreenDpi));
        }
    }

    internal static (int Width, int Height) PngSize(byte[] png)
    {
        Assert.True(png.AsSpan(0, 8).SequenceEqual(new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A }), "not a PNG signature");
        int width = System.Buffers.Binary.BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(16));
        int height = System.Buffers.Binary.BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(20));
        return (width, height);
    }
}
