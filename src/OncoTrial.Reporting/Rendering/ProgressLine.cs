using System.Globalization;

namespace OncoTrial.Reporting;

/// <summary>The one-line progress bar of long runs on an interactive terminal.</summary>
public static class ProgressLine
{
    /// <summary>The whole percentage of a fraction (0-100), clamped.</summary>
    public static int Percent(double fraction) => (int)Math.Floor(Math.Clamp(fraction, 0, 1) * 100);

    /// <summary><c>\rsimulating [#####     ]  50%</c> for <paramref name="percent"/>, a bar of <paramref name="width"/> characters.</summary>
    public static string Render(string label, int percent, int width = 40)
    {
        int filled = Math.Clamp(percent, 0, 100) * width / 100;
        return string.Create(CultureInfo.InvariantCulture, $"\r{label} [{new string('#', filled)}{new string(' ', width - filled)}] {percent,3}%");
    }

    /// <summary>Blanks the line again.</summary>
    public static string Clear(int width = 60) => "\r" + new string(' ', width) + "\r";
}
