namespace OncoTrial.ReferenceCohort.Planning;

/// <summary>The numbers the search moves for one subject (what each means depends on the subject's path).</summary>
internal struct SubjectVars
{
    /// <summary>First dose: days after <see cref="ProtocolCalendar.EnrolmentStart"/>.</summary>
    public int FirstDose;

    /// <summary>Induction cycles (4-6) of a subject who enters maintenance.</summary>
    public int Cycles;

    /// <summary>Index of the scan that shows RECIST progression.</summary>
    public int ProgressionScan;

    /// <summary>Study day of death.</summary>
    public int DeathDay;

    /// <summary>The day treatment stops; for a stop at progression, the days from the progression scan to the stop.</summary>
    public int Stop;

    /// <summary>For a subject followed to the cutoff: the last known alive day is the cutoff day minus this.</summary>
    public int AliveBack;

    /// <summary>Index of the first scan with a response (0 or 1) of a responder.</summary>
    public int FirstResponseScan;

    /// <summary>The planned best-response class.</summary>
    public ResponseClass Response;

    /// <summary>A subject with RECIST progression dies of it.</summary>
    public bool DiesAfterProgression;

    /// <summary>What is known after an early stop without progression.</summary>
    public FollowUp Follow;

    /// <summary>Liver metastases.</summary>
    public bool Liver;

    /// <summary>PD-L1 CPS class.</summary>
    public CpsClass Cps;
}

/// <summary>A subject's timeline resolved from its profile and numbers: what the plan and the loss read.</summary>
internal struct ResolvedTimeline
{
    public int CutoffDay;
    public int InductionCycles;
    public int MaintenanceStart;
    public int Scans;
    public int ProgressionScan;
    public int DeathDay;
    public int StopDay;
    public int LastKnownAlive;
    public bool FollowedToCutoff;
    public double Penalty;
}

/// <summary>What the survival figures read of one subject.</summary>
internal struct SubjectOutcome
{
    public int PfsDays;
    public bool PfsEvent;
    public int OsDays;
    public bool OsEvent;
    public int DorDays;
    public bool DorEvent;
    public bool IsResponder;
    public int TherapyRoom;
    public double Penalty;
}

/// <summary>
/// The search state: every subject's numbers, its resolved timeline and outcome, and the loss that is 0 when every
/// published survival figure rounds right (docs/reference-cohort.md, "Calibration of the survival figures").
/// </summary>
internal sealed partial class TimelineState
{
    /// <summary>The FDA gap after which an event follows two missed assessments (<see cref="Clinical.Endpoints.EndpointOptions.MissedAssessmentGapDays"/>: 91 days).</summary>
    public static readonly int MissedAssessmentGap = Clinical.Endpoints.EndpointOptions.Default.MissedAssessmentGapDays;

    /// <summary>The fewest days from the last scan to a death of clinical progression (without RECIST progression).</summary>
    public const int ClinicalProgressionDays = 28;

    /// <summary>The last study day whose SD is still before the SD minimum duration (day 1 + <c>SdMinDays</c> is the first that counts).</summary>
    public static readonly int LastDayBeforeSdMinimum = Clinical.Recist.RecistOptions.Default.SdMinDays;

    /// <summary>Most post-baseline scans a subject can have before the cutoff.</summary>
    public const int MaxScans = 20;

    /// <summary>Days from <see cref="ProtocolCalendar.EnrolmentStart"/> to the last day of enrolment.</summary>
    public static readonly int LastFirstDose = ProtocolCalendar.EnrolmentEnd.DayNumber - ProtocolCalendar.EnrolmentStart.DayNumber;

    /// <summary>Days from <see cref="ProtocolCalendar.EnrolmentStart"/> to the cutoff.</summary>
    public static readonly int CutoffOffset = ProtocolCalendar.DataCutoff.DayNumber - ProtocolCalendar.EnrolmentStart.DayNumber;

    private static readonly int CovidStart = ProtocolCalendar.CovidOutbreakStart.DayNumber - ProtocolCalendar.EnrolmentStart.DayNumber;
    private static readonly int CovidEnd = ProtocolCalendar.CovidOutbreakEnd.DayNumber - ProtocolCalendar.EnrolmentStart.DayNumber;

    private readonly SubjectProfile[] _profiles;
    private readonly SubjectVars[] _vars;
    private readonly sbyte[] _offsets;
    private readonly SubjectOutcome[] _outcomes;

    public TimelineState(IReadOnlyList<SubjectProfile> profiles)
    {
        _profiles = [.. profiles];
        int n = _profiles.Length;
        _vars = new SubjectVars[n];
        _offsets = new sbyte[n * MaxScans];
        _outcomes = new SubjectOutcome[n];
        PfsTime = new int[n];
        PfsEvent = new bool[n];
        OsTime = new int[n];
        OsEvent = new bool[n];
        DorTime = new int[n];
        DorEvent = new bool[n];
        Responder = new bool[n];
        Liver = new bool[n];
        CpsAssessed = new bool[n];
        CpsAtLeastOne = new bool[n];
        CpsBelowOne = new bool[n];
        CpsAtLeastTen = new bool[n];
        CpsBelowTen = new bool[n];
        NoLiver = new bool[n];
    }

    public int Count => _profiles.Length;

    public IReadOnlyList<SubjectProfile> Profiles => _profiles;

    public SubjectVars[] Vars => _vars;

    public int[] PfsTime { get; }

    public bool[] PfsEvent { get; }

    public int[] OsTime { get; }

    public bool[] OsEvent { get; }

    public int[] DorTime { get; }

    public bool[] DorEvent { get; }

    public bool[] Responder { get; }

    public bool[] Liver { get; }

    public bool[] NoLiver { get; }

    public bool[] CpsAssessed { get; }

    public bool[] CpsAtLeastOne { get; }

    public bool[] CpsBelowOne { get; }

    public bool[] CpsAtLeastTen { get; }

    public bool[] CpsBelowTen { get; }

    public SubjectOutcome Outcome(int i) => _outcomes[i];

    public int Offset(int subject, int scan) => _offsets[(subject * MaxScans) + scan];

    public void SetOffset(int subject, int scan, int value) => _offsets[(subject * MaxScans) + scan] = (sbyte)Math.Clamp(value, -ProtocolCalendar.ScanWindowDays, ProtocolCalendar.ScanWindowDays);

    /// <summary>Copies subject <paramref name="i"/>'s numbers (and scan offsets) out, to undo a move.</summary>
    public void Save(int i, ref SubjectVars vars, sbyte[] offsets)
    {
        vars = _vars[i];
        Array.Copy(_offsets, i * MaxScans, offsets, 0, MaxScans);
    }

    /// <summary>Puts saved numbers back and resolves the subject again.</summary>
    public void Restore(int i, in SubjectVars vars, sbyte[] offsets)
    {
        _vars[i] = vars;
        Array.Copy(offsets, 0, _offsets, i * MaxScans, MaxScans);
        Update(i);
    }

    /// <summary>The actual days of the subject's calendar scans (the ones before the cutoff and the others alike).</summary>
    public void ScanDays(int i, Span<int> days)
    {
        ref var v = ref _vars[i];
        bool maintenance = _profiles[i].EntersMaintenance;
        for (int k = 0; k < MaxScans; k++)
        {
            days[k] = ProtocolCalendar.NominalScanDay(k, v.Cycles, maintenance) + _offsets[(i * MaxScans) + k];
        }
    }

    /// <summary>Resolves and stores the outcome of subject <paramref name="i"/> after its numbers changed.</summary>
    public void Update(int i)
    {
        Span<int> a = stackalloc int[MaxScans];
        var t = Resolve(i, a);
        ref var v = ref _vars[i];
        var p = _profiles[i];
        var o = new SubjectOutcome { Penalty = t.Penalty, TherapyRoom = -1 };

        // The response at each scan, as planned: the progression scan PD; NE paths NE; a responder SD before its first
        // response and PR (CR) from it; stable disease SD. The last adequate scan censors PFS.
        // The scan of a withdrawal after one scan is an SD before the SD minimum: adequate, so it censors PFS.
        bool notEvaluable = v.Response == ResponseClass.NotEvaluable && p.Path != SubjectPath.InductionWithdrawalAfterNeScan;
        int lastAdequate = notEvaluable || t.Scans == 0 ? 1 : a[t.Scans - 1];
        if (t.ProgressionScan >= 0)
        {
            o.PfsDays = a[t.ProgressionScan];
            o.PfsEvent = true;

            // FDA: progression after two missed assessments (more than 91 days after the last adequate one) is censored;
            // the gap from day 85 to day 169 of the 5-cycle calendar can reach it, so the plan keeps every gap shorter.
            int previous = t.ProgressionScan > 0 ? a[t.ProgressionScan - 1] : 1;
            if (o.PfsDays - previous > MissedAssessmentGap)
            {
                o.Penalty += 2 + ((o.PfsDays - previous - MissedAssessmentGap) / 10.0);
            }

            o.TherapyRoom = (t.DeathDay > 0 ? t.DeathDay : t.CutoffDay) - a[t.ProgressionScan];
        }
        else if (t.DeathDay > 0)
        {
            o.PfsDays = t.DeathDay;
            o.PfsEvent = true;

            // FDA: a death more than two missed assessments after the last adequate one is censored; the plan never does that.
            if (t.DeathDay - lastAdequate > MissedAssessmentGap)
            {
                o.Penalty += 2 + ((t.DeathDay - lastAdequate - MissedAssessmentGap) / 10.0);
            }
        }
        else
        {
            o.PfsDays = lastAdequate;
            o.PfsEvent = false;
        }

        o.OsDays = t.DeathDay > 0 ? t.DeathDay : t.LastKnownAlive;
        o.OsEvent = t.DeathDay > 0;

        int beforeProgression = t.ProgressionScan >= 0 ? t.ProgressionScan : t.Scans;
        switch (v.Response)
        {
            case ResponseClass.Responder:
                if (beforeProgression < v.FirstResponseScan + 2)
                {
                    o.Penalty += 2 + (v.FirstResponseScan + 2 - beforeProgression);
                }
                else
                {
                    o.IsResponder = true;
                    o.DorDays = o.PfsDays - a[v.FirstResponseScan] + 1;
                    o.DorEvent = o.PfsEvent;
                }

                break;
            case ResponseClass.StableDisease:
                bool late = false;
                for (int k = 0; k < beforeProgression; k++)
                {
                    late |= a[k] >= 43;
                }

                if (!late)
                {
                    o.Penalty += 3;
                }

                break;
        }

        _outcomes[i] = o;
        PfsTime[i] = o.PfsDays;
        PfsEvent[i] = o.PfsEvent;
        OsTime[i] = o.OsDays;
        OsEvent[i] = o.OsEvent;
        DorTime[i] = o.IsResponder ? o.DorDays : 0;
        DorEvent[i] = o.IsResponder && o.DorEvent;
        Responder[i] = o.IsResponder;
        Liver[i] = v.Liver;
        NoLiver[i] = !v.Liver;
        CpsAssessed[i] = v.Cps != CpsClass.Unknown;
        CpsAtLeastOne[i] = v.Cps is CpsClass.OneToNine or CpsClass.TenOrMore;
        CpsBelowOne[i] = v.Cps == CpsClass.BelowOne;
        CpsAtLeastTen[i] = v.Cps == CpsClass.TenOrMore;
        CpsBelowTen[i] = v.Cps is CpsClass.BelowOne or CpsClass.OneToNine;
    }

    /// <summary>
    /// The subject's timeline: how many calendar scans it has (before death, progression, exit or the cutoff), the
    /// progression scan, death, treatment stop and last known alive day, and a penalty for every rule of its path the
    /// numbers break (0 when the timeline is one the protocol allows).
    /// </summary>
    public ResolvedTimeline Resolve(int i, Span<int> a)
    {
        ScanDays(i, a);
        ref var v = ref _vars[i];
        var p = _profiles[i];
        var t = new ResolvedTimeline
        {
            CutoffDay = CutoffOffset - v.FirstDose + 1,
            InductionCycles = p.EntersMaintenance ? v.Cycles : 0,
            ProgressionScan = -1,
        };
        int cut = t.CutoffDay;
        int start = p.EntersMaintenance ? 1 + (ProtocolCalendar.CycleDays * v.Cycles) : int.MaxValue;
        t.MaintenanceStart = start;
        double pen = Outside(v.FirstDose, 0, LastFirstDose);
        bool dies = p.DiesWithoutProgression || (p.HasRecistProgression && v.DiesAfterProgression);

        switch (p.Path)
        {
            case SubjectPath.InductionDeath:
                t.DeathDay = v.DeathDay;
                t.StopDay = v.DeathDay;
                pen += p.Cause == DeathCause.Myelosuppression ? Outside(v.DeathDay, 6, 21) : Outside(v.DeathDay, 23, a[0] - 1);
                break;

            case SubjectPath.InductionWithdrawalBeforeScan:
            case SubjectPath.InductionLost:
                t.StopDay = v.Stop;
                pen += Outside(v.Stop, 8, a[0] - 1);
                break;

            case SubjectPath.InductionWithdrawalAfterNeScan:
                t.StopDay = v.Stop;
                t.Scans = 1;
                pen += Outside(v.Stop, a[0], Math.Min(a[1] - 1, 63));
                break;

            case SubjectPath.InductionProgression:
                t.ProgressionScan = 0;
                t.StopDay = a[0] + v.Stop;
                pen += Outside(v.Stop, 0, 7);
                break;

            case SubjectPath.InductionWithdrawal:
                t.StopDay = v.Stop;
                pen += Outside(v.Stop, a[1], 105);
                t.Scans = v.Follow == FollowUp.Full ? CountScans(a, cut) : CountScans(a, v.Stop);
                break;

            case SubjectPath.InductionAdverseEvent:
            case SubjectPath.InductionProtocolDeviation:
                t.StopDay = v.Stop;
                t.ProgressionScan = v.ProgressionScan;
                pen += Outside(v.Stop, 23, Math.Min(63, a[v.ProgressionScan] - 1));
                break;

            case SubjectPath.MaintenanceProgression:
                t.ProgressionScan = v.ProgressionScan;
                t.StopDay = a[v.ProgressionScan] + v.Stop;
                pen += Outside(v.Stop, 0, 7) + Outside(a[v.ProgressionScan], start + 1, cut - v.Stop);
                break;

            case SubjectPath.MaintenanceWithdrawalThenProgression:
            case SubjectPath.MaintenanceNonCompliance:
                t.ProgressionScan = v.ProgressionScan;
                t.StopDay = v.Stop;
                pen += Outside(v.Stop, start + 1, a[v.ProgressionScan] - 1);
                break;

            case SubjectPath.MaintenanceClinicalProgression:
            case SubjectPath.MaintenancePhysicianDecision:
            case SubjectPath.MaintenanceDeath:
                t.DeathDay = v.DeathDay;
                t.StopDay = p.Path == SubjectPath.MaintenanceDeath ? v.DeathDay : v.Stop;
                pen += Outside(v.DeathDay, start + 2, cut);
                if (p.Path != SubjectPath.MaintenanceDeath)
                {
                    // Clinical progression stops treatment after the last scan; an investigator's decision any time in maintenance.
                    int earliest = p.Path == SubjectPath.MaintenanceClinicalProgression ? Math.Max(start + 1, LastBefore(a, v.DeathDay) + 1) : start + 1;
                    pen += Outside(v.Stop, earliest, v.DeathDay - 1);
                }

                break;

            case SubjectPath.MaintenanceWithdrawal:
                t.StopDay = v.Stop;
                pen += Outside(v.Stop, start + 1, cut);
                t.Scans = v.Follow == FollowUp.Full ? CountScans(a, cut) : CountScans(a, v.Stop);
                break;

            case SubjectPath.Ongoing:
                t.StopDay = 0;
                pen += Outside(cut, start + 1, int.MaxValue);
                break;
        }

        if (t.ProgressionScan >= 0)
        {
            int pd = t.ProgressionScan;
            t.Scans = pd + 1;
            pen += Outside(a[pd], 1, cut);
            if (p.Path is SubjectPath.InductionAdverseEvent or SubjectPath.InductionProtocolDeviation or SubjectPath.MaintenanceWithdrawalThenProgression
                or SubjectPath.MaintenanceNonCompliance)
            {
                pen += Outside(a[pd], t.StopDay + 1, cut);
            }

            if (dies)
            {
                t.DeathDay = v.DeathDay;
                pen += Outside(v.DeathDay, Math.Max(a[pd], t.StopDay) + 14, cut);
            }
        }
        else if (t.DeathDay > 0)
        {
            pen += Outside(t.DeathDay, 2, cut);
            if (p.Path != SubjectPath.InductionDeath)
            {
                t.Scans = CountScans(a, t.DeathDay - 1);
            }

            // A death of clinical progression comes weeks after the last scan, not days.
            if (p.Cause == DeathCause.ProgressiveDisease && t.Scans > 0)
            {
                pen += Outside(t.DeathDay - a[t.Scans - 1], ClinicalProgressionDays, int.MaxValue);
            }
        }
        else if (p.Path == SubjectPath.Ongoing)
        {
            t.Scans = CountScans(a, cut);
        }

        // Scans never fall after the cutoff.
        while (t.Scans > 0 && a[t.Scans - 1] > cut)
        {
            t.Scans--;
            pen += 3;
        }

        if (p.Path == SubjectPath.InductionWithdrawalAfterNeScan)
        {
            // The one scan is an SD before the SD minimum (RecistOptions.SdMinDays from the first dose), so the best
            // overall response is NE although the complete target sum shrank (the paper's 45 with a decrease of 50).
            pen += Outside(a[0], 1, Math.Min(Math.Min(cut, v.Stop), LastDayBeforeSdMinimum));
        }

        if (p.EntersMaintenance)
        {
            // The two induction scans (days 43 and 85) come before any stop in maintenance.
            int needed = t.DeathDay > 0 ? t.DeathDay - 1 : cut;
            pen += Outside(a[1], 1, needed);
        }

        if (p.Cause == DeathCause.Covid19)
        {
            pen += Outside(v.FirstDose + t.DeathDay - 1, CovidStart, CovidEnd);
        }

        // What is known after the last scan: death, or alive to the cutoff (survival contacts), or alive to the exit.
        t.FollowedToCutoff = t.DeathDay == 0 && v.Follow != FollowUp.None;
        if (t.DeathDay == 0)
        {
            int lastRecord = Math.Max(t.StopDay, t.Scans > 0 ? a[t.Scans - 1] : 1);
            if (t.FollowedToCutoff)
            {
                t.LastKnownAlive = cut - v.AliveBack;
                pen += Outside(v.AliveBack, 0, 30) + Outside(t.LastKnownAlive, lastRecord, cut);
            }
            else
            {
                t.LastKnownAlive = lastRecord;
            }
        }
        else
        {
            t.LastKnownAlive = t.DeathDay;
        }

        t.Penalty = pen;
        return t;
    }

    private static int CountScans(ReadOnlySpan<int> a, int lastDay)
    {
        int n = 0;
        while (n < a.Length && a[n] <= lastDay)
        {
            n++;
        }

        return n;
    }

    private static int LastBefore(ReadOnlySpan<int> a, int day)
    {
        int last = 1;
        foreach (int d in a)
        {
            if (d >= day)
            {
                break;
            }

            last = d;
        }

        return last;
    }

    /// <summary>0 inside [lo, hi]; otherwise 2 plus a tenth of the distance (a broken rule always costs, and less when nearly kept).</summary>
    private static double Outside(int x, int lo, int hi) => x < lo ? 2 + ((lo - (double)x) / 10) : x > hi ? 2 + ((x - (double)hi) / 10) : 0;
}
