namespace OncoTrial.ReferenceCohort.Planning;

/// <summary>One subject's Table 1 characteristics before they are written into <see cref="PlannedBaseline"/>.</summary>
internal sealed record BaselineDraw(int Age, PlannedSex Sex, int Ecog, DiseaseStage Stage, TumourSite[] Sites, bool PriorSurgery, bool PriorRadiotherapy);

/// <summary>
/// Draws Table 1 exactly: each characteristic is a fixed multiset with the published counts, dealt to the subjects in a
/// seeded order. The search has already fixed who has liver metastases and the PD-L1 classes; the metastatic-site
/// sets respect the liver label and stage IVA (lymph nodes only). Ages: 24 below 65 and 26 at or above it, 41 to 74
/// (the published median 64 cannot hold with these counts; docs/reference-cohort.md).
/// </summary>
internal static class BaselineAssignment
{
    /// <summary>The metastatic-site sets: 11 with one site, 32 with two, 7 with three (Table 1: lymph node 48, lung 25, liver 7).</summary>
    public static IReadOnlyList<TumourSite[]> SiteSets { get; } = BuildSiteSets();

    private static TumourSite[][] BuildSiteSets()
    {
        const TumourSite ln = TumourSite.LymphNode;
        const TumourSite lung = TumourSite.Lung;
        const TumourSite liver = TumourSite.Liver;
        const TumourSite bone = TumourSite.Bone;
        const TumourSite adrenal = TumourSite.AdrenalGland;
        const TumourSite pleura = TumourSite.Pleura;
        var sets = new List<TumourSite[]>();
        void Add(int count, params TumourSite[] sites)
        {
            for (int i = 0; i < count; i++)
            {
                sets.Add(sites);
            }
        }

        Add(10, ln);
        Add(1, lung);
        Add(19, ln, lung);
        Add(3, ln, liver);
        Add(5, ln, bone);
        Add(2, ln, adrenal);
        Add(2, ln, pleura);
        Add(1, lung, liver);
        Add(2, ln, lung, liver);
        Add(1, ln, lung, bone);
        Add(1, ln, lung, adrenal);
        Add(1, ln, liver, bone);
        Add(1, ln, bone, adrenal);
        Add(1, ln, bone, pleura);
        return [.. sets];
    }

    /// <summary>
    /// Deals the characteristics. <paramref name="liver"/> marks the subjects with liver metastases;
    /// <paramref name="needsRadiotherapy"/> the one whose fatal esophageal fistula followed prior radiotherapy (Results).
    /// </summary>
    public static BaselineDraw[] Draw(PlannerRandom rng, IReadOnlyList<bool> liver, int needsRadiotherapy)
    {
        int n = liver.Count;
        var ages = new List<int> { 41, 74, 65, 65 };
        while (ages.Count(a => a < 65) < 24)
        {
            ages.Add(rng.Between(45, 64));
        }

        while (ages.Count < n)
        {
            ages.Add(rng.Between(65, 73));
        }

        rng.Shuffle(ages);
        var sexes = Deal(rng, n, (PlannedSex.Male, 39), (PlannedSex.Female, 11));
        var ecog = Deal(rng, n, (0, 12), (1, 38));
        var surgery = Deal(rng, n, (true, 17), (false, 33));

        // Stage IVA: three subjects without liver metastases, lymph nodes only.
        var liverSets = SiteSets.Where(s => s.Contains(TumourSite.Liver)).ToList();
        var lymphOnly = SiteSets.Where(s => s is [TumourSite.LymphNode]).ToList();
        var otherSets = SiteSets.Where(s => !s.Contains(TumourSite.Liver) && s is not [TumourSite.LymphNode]).ToList();
        rng.Shuffle(liverSets);
        var noLiver = Enumerable.Range(0, n).Where(i => !liver[i]).ToList();
        rng.Shuffle(noLiver);
        var stage = new DiseaseStage[n];
        var sites = new TumourSite[n][];
        int l = 0;
        for (int i = 0; i < n; i++)
        {
            stage[i] = DiseaseStage.IVB;
            if (liver[i])
            {
                sites[i] = liverSets[l++];
            }
        }

        var rest = otherSets.Concat(lymphOnly.Skip(3)).ToList();
        rng.Shuffle(rest);
        for (int k = 0; k < noLiver.Count; k++)
        {
            int i = noLiver[k];
            if (k < 3)
            {
                stage[i] = DiseaseStage.IVA;
                sites[i] = lymphOnly[k];
            }
            else
            {
                sites[i] = rest[k - 3];
            }
        }

        var radiotherapy = Deal(rng, n, (true, 8), (false, 42));
        if (!radiotherapy[needsRadiotherapy])
        {
            int swap = Array.FindIndex(radiotherapy, r => r);
            (radiotherapy[swap], radiotherapy[needsRadiotherapy]) = (false, true);
        }

        return [.. Enumerable.Range(0, n).Select(i => new BaselineDraw(ages[i], sexes[i], ecog[i], stage[i], sites[i], surgery[i], radiotherapy[i]))];
    }

    private static T[] Deal<T>(PlannerRandom rng, int n, params (T Value, int Count)[] parts)
    {
        var list = parts.SelectMany(p => Enumerable.Repeat(p.Value, p.Count)).ToList();
        if (list.Count != n)
        {
            throw new InvalidOperationException($"The design deals {list.Count} values to {n} subjects.");
        }

        rng.Shuffle(list);
        return [.. list];
    }
}
