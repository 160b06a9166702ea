namespace OncoTrial.TestSupport;

/// <summary>
/// The two public SDTM sets kept outside the repository (../shared/data, see its README), read as shipped: the files
/// are never edited. <see cref="Files"/> gives each file's bytes under the name the loader looks for (e.g. the
/// shipped <c>sdtm-ae.xpt</c> as <c>ae.xpt</c>, <c>tu_onco.csv</c> as <c>tu.csv</c>), for
/// <c>FileSource.FromMemory</c>; <see cref="Paths"/> gives the shipped paths. A test that calls either is skipped
/// when the data are absent.
/// </summary>
public static class PublicSdtm
{
    /// <summary>The pharmaversesdtm oncology set with many subjects: DM, TU, TR, RS (tu_onco.csv, ...).</summary>
    public const string PharmaverseOnco = "pharmaverse-onco";

    /// <summary>The small pharmaversesdtm RECIST 1.1 set (8 subjects): DM, TU, TR, RS (tu_onco_recist.csv, ...).</summary>
    public const string PharmaverseRecist = "pharmaverse-recist";

    /// <summary>The CDISC SDTM pilot (cdiscpilot01): DM, AE, EX, DS as XPT (sdtm-dm.xpt, ...).</summary>
    public const string Pilot = "cdiscpilot01";

    /// <summary>Shipped path of each domain file of the set, by domain code (DM, TU, ...); skips when absent.</summary>
    public static IReadOnlyDictionary<string, string> Paths(string set)
    {
        (string folder, string probe, (string Domain, string File)[] files) = set switch
        {
            PharmaverseOnco => ("pharmaverse", "tu_onco.csv", new[] { ("DM", "dm.csv"), ("TU", "tu_onco.csv"), ("TR", "tr_onco.csv"), ("RS", "rs_onco.csv") }),
            PharmaverseRecist => ("pharmaverse", "tu_onco_recist.csv", new[] { ("DM", "dm.csv"), ("TU", "tu_onco_recist.csv"), ("TR", "tr_onco_recist.csv"), ("RS", "rs_onco_recist.csv") }),
            Pilot => ("cdiscpilot01", "sdtm-dm.xpt", new[] { ("DM", "sdtm-dm.xpt"), ("AE", "sdtm-ae.xpt"), ("EX", "sdtm-ex.xpt"), ("DS", "sdtm-ds.xpt") }),
            _ => throw new ArgumentOutOfRangeException(nameof(set), set, "expected one of the PublicSdtm set names"),
        };
        string dir = RepositoryPaths.RequireSharedData(folder, probe);
        return files.ToDictionary(f => f.Domain, f => Path.Combine(dir, f.File), StringComparer.Ordinal);
    }

    /// <summary>
    /// The set's files as (name, bytes) under the loader's canonical names (<c>dm.csv</c>, <c>ae.xpt</c>): the bytes
    /// as shipped, only the name given in memory differs. Skips when absent.
    /// </summary>
    public static IReadOnlyList<KeyValuePair<string, byte[]>> Files(string set) =>
        [.. Paths(set).Select(p => new KeyValuePair<string, byte[]>(p.Key.ToLowerInvariant() + Path.GetExtension(p.Value), File.ReadAllBytes(p.Value)))];

    /// <summary>The shipped path of one ADaM file of the pilot (adam-adsl.xpt, adam-adae.xpt, adam-adtte.xpt); skips when absent.</summary>
    public static string PilotAdam(string name) => RepositoryPaths.RequireSharedFile(Path.Combine("cdiscpilot01", "adam-" + name.ToLowerInvariant() + ".xpt"));
}
