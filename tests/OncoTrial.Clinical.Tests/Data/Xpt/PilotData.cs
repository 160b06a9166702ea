namespace OncoTrial.Clinical.Tests.Data.Xpt;

/// <summary>
/// The CDISC pilot XPT files in ../shared/data/cdiscpilot01 (kept outside the repository). A test that needs them
/// calls <see cref="RequireFolder"/>, which reports the test as skipped when the folder is absent.
/// </summary>
internal static class PilotData
{
    public static readonly string[] Files =
        ["adam-adae.xpt", "adam-adsl.xpt", "adam-adtte.xpt", "sdtm-ae.xpt", "sdtm-dm.xpt", "sdtm-ds.xpt", "sdtm-ex.xpt"];

    /// <summary>The pilot folder; the test is skipped when it is absent.</summary>
    public static string RequireFolder() => RepositoryPaths.RequireSharedData("cdiscpilot01", Files[0]);

    /// <summary>The pilot folder, or null when it is absent (for tests that check other inputs as well).</summary>
    public static string? FindFolder() => RepositoryPaths.FindSharedData("cdiscpilot01", Files[0]);
}
