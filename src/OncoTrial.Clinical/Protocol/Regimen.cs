using System.Globalization;
using System.Reflection;
using System.Text.Json;
using OncoTrial.Statistics;

namespace OncoTrial.Clinical.Protocol;

/// <summary>How a drug is given.</summary>
public enum DrugRoute
{
    /// <summary>Intravenous infusion (CDISC route INTRAVENOUS).</summary>
    Intravenous,

    /// <summary>By mouth (CDISC route ORAL).</summary>
    Oral,
}

/// <summary>What the protocol dose is proportional to.</summary>
public enum DoseBasis
{
    /// <summary>A fixed dose in mg, whatever the patient's size (benmelstobart 1200 mg).</summary>
    Flat,

    /// <summary>mg per m² of body-surface area (paclitaxel 135 mg/m²); see <see cref="BodySurfaceArea"/>.</summary>
    BodySurfaceArea,

    /// <summary>mg per kg of actual body weight.</summary>
    BodyWeight,
}

/// <summary>How the dose amount relates to the dosing days of a cycle.</summary>
public enum DoseDistribution
{
    /// <summary>The amount is given on each dosing day (anlotinib 10 mg on each of days 1-14).</summary>
    EachDay,

    /// <summary>The amount is the cycle total, divided equally over the dosing days (cisplatin over days 1-3).</summary>
    Split,
}

/// <summary>
/// A protocol dose: the nominal amount and, where the protocol gives a range (cisplatin 60-75 mg/m²), its bounds.
/// </summary>
/// <param name="Amount">Nominal amount in <see cref="Unit"/>, &gt; 0.</param>
/// <param name="Minimum">Lower bound of a protocol range, or null.</param>
/// <param name="Maximum">Upper bound of a protocol range, or null.</param>
/// <param name="Unit">mg, mg/m2 or mg/kg, matching <see cref="Basis"/> (EX.EXDOSU).</param>
/// <param name="Basis">What the amount is per.</param>
public sealed record DoseSpec(double Amount, double? Minimum, double? Maximum, string Unit, DoseBasis Basis)
{
    /// <summary>True when the protocol gives a range rather than one amount.</summary>
    public bool IsRange => Minimum is not null && Maximum is not null && Minimum != Maximum;

    /// <summary>The highest amount the protocol allows (the range's upper bound, or the amount).</summary>
    public double Highest => Maximum ?? Amount;
}

/// <summary>One drug of a regimen.</summary>
/// <param name="Id">The drug as named in EX.EXTRT (upper case), e.g. BENMELSTOBART.</param>
/// <param name="Name">Display name.</param>
/// <param name="Route">Route.</param>
/// <param name="Dose">Protocol dose.</param>
/// <param name="Days">Dosing days within a cycle, 1-based, ascending.</param>
/// <param name="Distribution">Whether <see cref="DoseSpec.Amount"/> is per dosing day or per cycle.</param>
/// <param name="ReductionAllowed">Whether the protocol permits dose reduction.</param>
/// <param name="DoseLevels">Dose levels for reductions, starting dose first, in <see cref="DoseSpec.Unit"/>; empty when none are given.</param>
/// <param name="MaxDelayDays">A drug-specific limit on a delay (benmelstobart: 84 days), overriding <see cref="DelayRules.MaxDaysPerEpisode"/>; or null.</param>
/// <param name="Comment">Source text and judgement calls.</param>
public sealed record RegimenDrug(
    string Id,
    string Name,
    DrugRoute Route,
    DoseSpec Dose,
    IReadOnlyList<int> Days,
    DoseDistribution Distribution,
    bool ReductionAllowed,
    IReadOnlyList<double> DoseLevels,
    int? MaxDelayDays,
    string? Comment)
{
    /// <summary>Amount per dosing day, in the dose unit (the split amount for <see cref="DoseDistribution.Split"/>).</summary>
    public double AmountPerAdministration(double amount) => Distribution == DoseDistribution.Split ? amount / Days.Count : amount;

    /// <summary>Amount per cycle, in the dose unit.</summary>
    public double AmountPerCycle(double amount) => Distribution == DoseDistribution.Split ? amount : amount * Days.Count;
}

/// <summary>A treatment phase (induction, maintenance).</summary>
/// <param name="Id">Identifier (INDUCTION, MAINTENANCE).</param>
/// <param name="Name">The EPOCH value in EX and DS (INITIAL THERAPY, MAINTENANCE THERAPY).</param>
/// <param name="DrugIds">The drugs given in this phase.</param>
/// <param name="MinCycles">Fewest cycles of the phase the protocol plans (0 or more).</param>
/// <param name="MaxCycles">Most cycles, or null for "until progression or unacceptable toxicity".</param>
/// <param name="AssessmentEveryCycles">Tumour assessment after every this many cycles of the phase.</param>
/// <param name="StopRule">When an open-ended phase stops, as text.</param>
/// <param name="Comment">Source text and judgement calls.</param>
public sealed record TreatmentPhase(
    string Id,
    string Name,
    IReadOnlyList<string> DrugIds,
    int MinCycles,
    int? MaxCycles,
    int AssessmentEveryCycles,
    string? StopRule,
    string? Comment);

/// <summary>Dose-delay limits.</summary>
/// <param name="MaxDaysPerEpisode">Longest allowed delay episode, in days (14).</param>
/// <param name="MaxEpisodesPerCycle">Most delay episodes in one cycle (2).</param>
/// <param name="StartToleranceDays">A start within this many days of the planned date is not a delay (visit window).</param>
/// <param name="Comment">Source text and judgement calls.</param>
public sealed record DelayRules(int MaxDaysPerEpisode, int MaxEpisodesPerCycle, int StartToleranceDays, string? Comment);

/// <summary>
/// A treatment regimen as data: drugs and doses, cycle length, phases, assessment frequency and delay limits.
/// Loaded from a JSON file that follows <c>regimen.schema.json</c> (docs/methods/protocol.md); the seed trial's
/// regimen is built in (<see cref="Seed"/>).
/// </summary>
public sealed record Regimen(
    string Id,
    string Name,
    string Version,
    string? Source,
    int CycleLengthDays,
    IReadOnlyList<RegimenDrug> Drugs,
    IReadOnlyList<TreatmentPhase> Phases,
    bool BaselineAssessment,
    DelayRules Delays,
    double DoseTolerance)
{
    private static readonly Lazy<Regimen> SeedRegimen = new(() => Parse(ReadResource("seed-regimen.json"), "seed-regimen.json"));

    private static readonly Dictionary<string, DrugRoute> Routes = new(StringComparer.Ordinal)
    {
        ["intravenous"] = DrugRoute.Intravenous,
        ["oral"] = DrugRoute.Oral,
    };

    private static readonly Dictionary<string, DoseBasis> Bases = new(StringComparer.Ordinal)
    {
        ["flat"] = DoseBasis.Flat,
        ["body-surface-area"] = DoseBasis.BodySurfaceArea,
        ["body-weight"] = DoseBasis.BodyWeight,
    };

    private static readonly Dictionary<string, DoseDistribution> Distributions = new(StringComparer.Ordinal)
    {
        ["each-day"] = DoseDistribution.EachDay,
        ["split"] = DoseDistribution.Split,
    };

    /// <summary>The seed trial's regimen (NCT05013697 cohort 1), from the embedded <c>seed-regimen.json</c>.</summary>
    public static Regimen Seed => SeedRegimen.Value;

    /// <summary>The drug with that id (EXTRT, case-insensitive), or null.</summary>
    public RegimenDrug? FindDrug(string id) => Drugs.FirstOrDefault(d => string.Equals(d.Id, id, StringComparison.OrdinalIgnoreCase));

    /// <summary>The phase with that id or EPOCH name (case-insensitive), or null.</summary>
    public TreatmentPhase? FindPhase(string idOrName) => Phases.FirstOrDefault(p =>
        string.Equals(p.Id, idOrName, StringComparison.OrdinalIgnoreCase) || string.Equals(p.Name, idOrName, StringComparison.OrdinalIgnoreCase));

    /// <summary>Reads and validates a regimen file.</summary>
    /// <exception cref="ProtocolFormatException">The file is not valid JSON or breaks the schema; every problem is listed with its JSON path.</exception>
    public static Regimen Load(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        return Parse(File.ReadAllText(path), path);
    }

    /// <summary>Parses and validates regimen JSON; <paramref name="source"/> names it in messages.</summary>
    /// <exception cref="ProtocolFormatException">Every problem, each with its JSON path.</exception>
    public static Regimen Parse(string json, string source)
    {
        ArgumentNullException.ThrowIfNull(json);
        ArgumentNullException.ThrowIfNull(source);
        using var doc = ParseDocument(json, source);
        var f = new JsonFields(source);
        var root = doc.RootElement;
        if (root.ValueKind != JsonValueKind.Object)
        {
            throw new ProtocolFormatException([JsonFields.At(source, "$", JsonFields.WrongType, "a JSON object", JsonFields.Describe(root), "See regimen.schema.json.")]);
        }

        string? id = f.String(root, "$", "id");
        string? name = f.String(root, "$", "name");
        string? version = f.String(root, "$", "version");
        string? src = f.String(root, "$", "source", required: false);
        int? cycle = f.Integer(root, "$", "cycleLengthDays", true, 1, 366);
        var drugs = new List<RegimenDrug>();
        var drugElements = f.Array(root, "$", "drugs");
        if (JsonFields.TryGet(root, "drugs", out _) && drugElements.Count == 0)
        {
            f.Add("$.drugs", "at least one drug", "an empty array", "List the regimen's drugs.");
        }

        for (int i = 0; i < drugElements.Count; i++)
        {
            var drug = ReadDrug(f, drugElements[i], string.Create(CultureInfo.InvariantCulture, $"$.drugs[{i}]"), cycle);
            if (drug is not null)
            {
                if (drugs.Any(d => string.Equals(d.Id, drug.Id, StringComparison.OrdinalIgnoreCase)))
                {
                    f.Add(string.Create(CultureInfo.InvariantCulture, $"$.drugs[{i}].id"), "a drug id used once", "\"" + drug.Id + "\" again", "Give each drug its own id.");
                }

                drugs.Add(drug);
            }
        }

        var declaredIds = drugElements
            .Select(e => JsonFields.TryGet(e, "id", out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null)
            .OfType<string>()
            .ToHashSet(StringComparer.OrdinalIgnoreCase);
        var phases = new List<TreatmentPhase>();
        var phaseElements = f.Array(root, "$", "phases");
        if (JsonFields.TryGet(root, "phases", out _) && phaseElements.Count == 0)
        {
            f.Add("$.phases", "at least one phase", "an empty array", "List the treatment phases.");
        }

        for (int i = 0; i < phaseElements.Count; i++)
        {
            string path = string.Create(CultureInfo.InvariantCulture, $"$.phases[{i}]");
            var phase = ReadPhase(f, phaseElements[i], path, declaredIds);
            if (phase is not null)
            {
                if (phase.MaxCycles is null && i != phaseElements.Count - 1)
                {
                    f.Add(path + ".maxCycles", "a number for every phase but the last (only the last can run until progression)", "null", "Give maxCycles, or move the open-ended phase last.");
                }

                phases.Add(phase);
            }
        }

        bool? baseline = f.Boolean(root, "$", "baselineAssessment", required: false);
        DelayRules? delays = null;
        if (JsonFields.TryGet(root, "delays", out var d))
        {
            int? perEpisode = f.Integer(d, "$.delays", "maxDaysPerEpisode", true, 0);
            int? episodes = f.Integer(d, "$.delays", "maxEpisodesPerCycle", true, 0);
            int? tolerance = f.Integer(d, "$.delays", "startToleranceDays", false, 0);
            string? comment = f.String(d, "$.delays", "comment", required: false);
            if (perEpisode is not null && episodes is not null)
            {
                delays = new DelayRules(perEpisode.Value, episodes.Value, tolerance ?? 0, comment);
            }
        }
        else
        {
            f.Add("$.delays", "an object with maxDaysPerEpisode and maxEpisodesPerCycle", "no such property", "Add \"delays\".");
        }

        double? tol = f.Number(root, "$", "doseTolerance", false, 0, 1);
        if (f.Problems.Count > 0)
        {
            throw new ProtocolFormatException(f.Problems);
        }

        return new Regimen(id!, name!, version!, src, cycle!.Value, drugs.AsReadOnly(), phases.AsReadOnly(), baseline ?? true, delays!, tol ?? 0.10);
    }

    internal static JsonDocument ParseDocument(string json, string source)
    {
        try
        {
            return JsonDocument.Parse(json, new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
        }
        catch (JsonException ex)
        {
            int line = (int)(ex.LineNumber ?? 0) + 1;
            throw new ProtocolFormatException([new Problem(source, line, null, null, "JSON_SYNTAX", "valid JSON", $"a syntax error ({ex.Message.Split('.')[0]})", "Fix the JSON syntax.")], ex);
        }
    }

    internal static string ReadResource(string name)
    {
        var asm = typeof(Regimen).Assembly;
        using var stream = asm.GetManifestResourceStream("OncoTrial.Clinical.Protocol." + name)
            ?? throw new InvalidOperationException("The embedded resource " + name + " is missing from " + asm.GetName().Name + ".");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    private static RegimenDrug? ReadDrug(JsonFields f, JsonElement e, string path, int? cycle)
    {
        int before = f.Problems.Count;
        string? id = f.String(e, path, "id");
        string? name = f.String(e, path, "name");
        var route = f.Enum(e, path, "route", Routes);
        DoseSpec? dose = null;
        if (JsonFields.TryGet(e, "dose", out var de))
        {
            string dp = path + ".dose";
            double? amount = f.Number(de, dp, "amount", true, 0, minExclusive: true);
            double? min = f.Number(de, dp, "minimum", false, 0, minExclusive: true);
            double? max = f.Number(de, dp, "maximum", false, 0, minExclusive: true);
            string? unit = f.String(de, dp, "unit");
            var basis = f.Enum(de, dp, "basis", Bases);
            bool hasMin = JsonFields.TryGet(de, "minimum", out _);
            if (hasMin != JsonFields.TryGet(de, "maximum", out _))
            {
                f.Add(dp, "both minimum and maximum, or neither", hasMin ? "only minimum" : "only maximum", "Give the range's two bounds.");
            }

            if (amount is not null && min is not null && max is not null && (min > max || amount < min || amount > max))
            {
                f.Add(dp + ".amount", "minimum <= amount <= maximum", string.Create(CultureInfo.InvariantCulture, $"{min} / {amount} / {max}"), "Correct the range or the nominal amount.");
            }

            if (unit is not null && basis is not null)
            {
                string expectedUnit = basis switch { DoseBasis.Flat => "mg", DoseBasis.BodySurfaceArea => "mg/m2", _ => "mg/kg" };
                if (!string.Equals(unit, expectedUnit, StringComparison.Ordinal))
                {
                    f.Add(dp + ".unit", $"\"{expectedUnit}\" for basis {basis}", "\"" + unit + "\"", "Make the unit and the basis agree.");
                }
            }

            if (amount is not null && unit is not null && basis is not null)
            {
                dose = new DoseSpec(amount.Value, min, max, unit, basis.Value);
            }
        }
        else
        {
            f.Add(path + ".dose", "an object with amount, unit and basis", "no such property", "Add \"dose\".");
        }

        var days = new List<int>();
        var dayElements = f.Array(e, path, "days");
        for (int i = 0; i < dayElements.Count; i++)
        {
            var v = dayElements[i];
            if (v.ValueKind != JsonValueKind.Number || !v.TryGetInt32(out int day) || day < 1 || (cycle is not null && day > cycle))
            {
                f.Add(string.Create(CultureInfo.InvariantCulture, $"{path}.days[{i}]"), "a cycle day from 1 to the cycle length", JsonFields.Describe(v), "Correct the day.");
            }
            else if (days.Count > 0 && day <= days[^1])
            {
                f.Add(string.Create(CultureInfo.InvariantCulture, $"{path}.days[{i}]"), "days in ascending order, each once", JsonFields.Describe(v), "Sort the days and remove repeats.");
            }
            else
            {
                days.Add(day);
            }
        }

        if (JsonFields.TryGet(e, "days", out _) && dayElements.Count == 0)
        {
            f.Add(path + ".days", "at least one dosing day", "an empty array", "List the dosing days, e.g. [1].");
        }

        var distribution = f.Enum(e, path, "distribution", Distributions, required: false) ?? DoseDistribution.EachDay;
        bool reduction = f.Boolean(e, path, "reductionAllowed", false) ?? true;
        var levels = new List<double>();
        var levelElements = f.Array(e, path, "doseLevels", required: false);
        for (int i = 0; i < levelElements.Count; i++)
        {
            var v = levelElements[i];
            if (v.ValueKind != JsonValueKind.Number || v.GetDouble() <= 0 || (levels.Count > 0 && v.GetDouble() >= levels[^1]))
            {
                f.Add(string.Create(CultureInfo.InvariantCulture, $"{path}.doseLevels[{i}]"), "a positive dose below the previous level", JsonFields.Describe(v), "List the levels from the starting dose down.");
            }
            else
            {
                levels.Add(v.GetDouble());
            }
        }

        if (levels.Count > 0 && dose is not null && levels[0] != dose.Amount)
        {
            f.Add(path + ".doseLevels[0]", string.Create(CultureInfo.InvariantCulture, $"the starting dose {dose.Amount}"), levels[0].ToString(CultureInfo.InvariantCulture), "Start the levels at the protocol dose.");
        }

        if (levels.Count > 1 && !reduction)
        {
            f.Add(path + ".doseLevels", "no reduction levels when reductionAllowed is false", "a list", "Remove the levels or allow reduction.");
        }

        int? maxDelay = f.Integer(e, path, "maxDelayDays", false, 0);
        string? comment = f.String(e, path, "comment", required: false);
        if (f.Problems.Count > before || id is null || name is null || route is null || dose is null)
        {
            return null;
        }

        return new RegimenDrug(id.ToUpperInvariant(), name, route.Value, dose, days.AsReadOnly(), distribution, reduction, levels.AsReadOnly(), maxDelay, comment);
    }

    private static TreatmentPhase? ReadPhase(JsonFields f, JsonElement e, string path, HashSet<string> drugIds)
    {
        int before = f.Problems.Count;
        string? id = f.String(e, path, "id");
        string? name = f.String(e, path, "name");
        var ids = new List<string>();
        var drugElements = f.Array(e, path, "drugs");
        for (int i = 0; i < drugElements.Count; i++)
        {
            var v = drugElements[i];
            string? drugId = v.ValueKind == JsonValueKind.String ? v.GetString() : null;
            if (drugId is null || !drugIds.Contains(drugId))
            {
                f.Add(string.Create(CultureInfo.InvariantCulture, $"{path}.drugs[{i}]"), "the id of a drug in $.drugs", JsonFields.Describe(v), "Use a drug id listed in $.drugs.");
            }
            else
            {
                ids.Add(drugId.ToUpperInvariant());
            }
        }

        int? min = f.Integer(e, path, "minCycles", false, 0);
        int? max = f.Integer(e, path, "maxCycles", false, 1);
        if (min is not null && max is not null && min > max)
        {
            f.Add(path + ".minCycles", "minCycles <= maxCycles", string.Create(CultureInfo.InvariantCulture, $"{min} > {max}"), "Correct the cycle range.");
        }

        int? every = f.Integer(e, path, "assessmentEveryCycles", true, 1);
        string? stop = f.String(e, path, "stopRule", required: false);
        string? comment = f.String(e, path, "comment", required: false);
        if (f.Problems.Count > before || id is null || name is null || every is null)
        {
            return null;
        }

        return new TreatmentPhase(id, name, ids.AsReadOnly(), min ?? 0, max, every.Value, stop, comment);
    }
}

/// <summary>
/// A protocol rules file (regimen, eligibility) that is not valid: every <see cref="Problem"/> names the file
/// (<see cref="Problem.File"/>) and the JSON path (<see cref="Problem.Place"/>, e.g. <c>$.drugs[0].dose</c>), or the line
/// of a syntax error; the message lists them, one per line.
/// </summary>
#pragma warning disable CA1032 // No message-only constructors: every ProtocolFormatException carries structured problems.
public sealed class ProtocolFormatException : ProblemException
#pragma warning restore CA1032
{
    /// <summary>Creates the exception from its problems (at least one).</summary>
    public ProtocolFormatException(IEnumerable<Problem> problems)
        : base(problems)
    {
    }

    /// <summary>Creates the exception from its problems (at least one) and the underlying cause.</summary>
    public ProtocolFormatException(IEnumerable<Problem> problems, Exception? innerException)
        : base(problems, innerException)
    {
    }
}
