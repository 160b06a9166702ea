using Xunit.Abstractions;

namespace OncoTrial.Clinical.Tests.Data.Xpt;

/// <summary>
/// The CDISC pilot XPT files in ../shared/data/cdiscpilot01 (kept outside the repository; see
/// <see cref="RepositoryPaths.TrySharedData"/>). A test that needs them calls <see cref="TryGetPilotFolder"/> and,
/// when the folder is absent, writes why to the test output and returns.
/// </summary>
internal static class PilotData
{
    public static readonly string[] Files =
        ["adam-adae.xpt", "adam-adsl.xpt", "adam-adtte.xpt", "sdtm-ae.xpt", "sdtm-dm.xpt", "sdtm-ds.xpt", "sdtm-ex.xpt"];

    public static bool TryGetPilotFolder(ITestOutputHelper output, out string folder) =>
        RepositoryPaths.TrySharedData("cdiscpilot01", Files[0], output, out folder);
}
