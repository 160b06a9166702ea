namespace OncoTrial.ReferenceCohort.Planning;

/// <summary>
/// The calibration search: from a seeded start state, late-acceptance hill climbing (Burke &amp; Bykov 2017, Eur J Oper
/// Res 258:70) over the subjects' days, labels and follow-up until <see cref="TimelineState.Loss"/> is 0. Late
/// acceptance compares a candidate with the loss of some steps ago, so it needs no temperature and no exp(): every
/// decision is a comparison of losses rounded to 1e-9, and the same seed takes the same steps on every machine.
/// </summary>
internal sealed class TimelineSearch
{
    private readonly TimelineState _state;
    private readonly PlannerRandom _rng;
    private readonly int[] _touched = new int[2];
    private readonly SubjectVars[] _saved = new SubjectVars[2];
    private readonly sbyte[][] _savedOffsets = [new sbyte[TimelineState.MaxScans], new sbyte[TimelineState.MaxScans]];
    private readonly int[] _scanDays = new int[TimelineState.MaxScans];
    private int _touchedCount;

    private TimelineSearch(TimelineState state, PlannerRandom rng)
    {
        _state = state;
        _rng = rng;
    }

    /// <summary>Steps of one climb before it gives up and the caller restarts from a new start state.</summary>
    public const long StepsPerClimb = 150_000;

    /// <summary>Steps without a new best loss after which a climb gives up.</summary>
    public const long StallSteps = 40_000;

    /// <summary>The length of the late-acceptance history.</summary>
    public const int History = 400;

    /// <summary>Percent of the steps that are placement moves (<see cref="Place"/>).</summary>
    public const int PlacePercent = 35;

    /// <summary>Percent of the steps that are replacement moves (<see cref="Replace"/>).</summary>
    public const int ReplacePercent = 5;

    /// <summary>Climbs from the start state of (<paramref name="seed"/>, <paramref name="stream"/>); returns the state and the steps taken, the state solved when its loss is 0.</summary>
    public static (TimelineState State, long Steps) Climb(int seed, int stream, long maxSteps = StepsPerClimb)
    {
        var rng = new PlannerRandom(seed, stream);
        var state = new TimelineState(CohortDesign.Profiles);
        var search = new TimelineSearch(state, rng);
        search.Initialise();
        long steps = search.Run(maxSteps);
        return (state, steps);
    }

    /// <summary>
    /// Late acceptance with the improved history (a slot keeps the lowest loss written to it): a candidate is kept when
    /// its loss is at most the current loss or the history slot of this step. The loss is computed only as far as
    /// needed to know that it exceeds both. Stops at loss 0, after <paramref name="maxSteps"/>, or after
    /// <see cref="StallSteps"/> steps without a new best.
    /// </summary>
    private long Run(long maxSteps)
    {
        double current = _state.Loss();
        var history = new double[History];
        Array.Fill(history, current);
        long step = 0;
        double best = current;
        long lastImprovement = 0;
        while (current > 0 && step < maxSteps && step - lastImprovement <= StallSteps)
        {
            _touchedCount = 0;
            if (!Propose())
            {
                continue;
            }

            step++;
            int slot = (int)(step % History);
            double threshold = Math.Max(current, history[slot]);
            double candidate = _state.Loss(threshold);
            if (candidate <= threshold)
            {
                current = candidate;
            }
            else
            {
                for (int j = _touchedCount - 1; j >= 0; j--)
                {
                    _state.Restore(_touched[j], _saved[j], _savedOffsets[j]);
                }
            }

            if (current < history[slot])
            {
                history[slot] = current;
            }

            if (current < best)
            {
                best = current;
                lastImprovement = step;
            }
        }

        return step;
    }

    private void Touch(int i)
    {
        _state.Save(i, ref _saved[_touchedCount], _savedOffsets[_touchedCount]);
        _touched[_touchedCount++] = i;
    }

    private void Updated()
    {
        for (int j = 0; j < _touchedCount; j++)
        {
            _state.Update(_touched[j]);
        }
    }

    /// <summary>Makes one random move (and records what it touched); false when the drawn move does not apply.</summary>
    private bool Propose()
    {
        var vars = _state.Vars;
        var profiles = _state.Profiles;
        int n = _state.Count;
        int i = _rng.Next(n);
        ref var v = ref vars[i];
        var p = profiles[i];
        int special = _rng.Next(100);
        if (special < PlacePercent)
        {
            return Place();
        }

        if (special < PlacePercent + ReplacePercent)
        {
            return Replace();
        }

        int move = _rng.Next(100);
        switch (move)
        {
            case < 14:
                Touch(i);
                v.FirstDose = Math.Clamp(v.FirstDose + _rng.Step(60), 0, TimelineState.LastFirstDose);
                break;

            case < 20:
                {
                    // Move the first dose and keep the date of death.
                    if (v.DeathDay == 0)
                    {
                        return false;
                    }

                    int delta = _rng.Step(40);
                    int first = Math.Clamp(v.FirstDose + delta, 0, TimelineState.LastFirstDose);
                    Touch(i);
                    v.DeathDay = Math.Max(2, v.DeathDay - (first - v.FirstDose));
                    v.FirstDose = first;
                    break;
                }

            case < 36:
                {
                    int k = _rng.Next(14);
                    Touch(i);
                    int value = _rng.Chance(1, 4) ? _rng.Between(-ProtocolCalendar.ScanWindowDays, ProtocolCalendar.ScanWindowDays) : _state.Offset(i, k) + _rng.Step(5);
                    _state.SetOffset(i, k, value);
                    break;
                }

            case < 48:
                if (v.DeathDay == 0)
                {
                    return false;
                }

                Touch(i);
                v.DeathDay = Math.Max(2, v.DeathDay + _rng.Step(60));
                break;

            case < 56:
                if (!HasStop(p.Path))
                {
                    return false;
                }

                Touch(i);
                v.Stop = Math.Max(0, v.Stop + _rng.Step(StopsAtProgression(p.Path) ? 3 : 25));
                break;

            case < 61:
                Touch(i);
                v.AliveBack = _rng.Between(0, 30);
                break;

            case < 67:
                if (!p.HasRecistProgression || p.Path == SubjectPath.InductionProgression)
                {
                    return false;
                }

                Touch(i);
                v.ProgressionScan = Math.Clamp(v.ProgressionScan + (_rng.Chance(1, 2) ? 1 : -1), 1, TimelineState.MaxScans - 2);
                break;

            case < 70:
                if (v.Response != ResponseClass.Responder)
                {
                    return false;
                }

                Touch(i);
                v.FirstResponseScan = 1 - v.FirstResponseScan;
                break;

            case < 74:
                {
                    int j = _rng.Next(n);
                    if (!p.EntersMaintenance || !profiles[j].EntersMaintenance || vars[j].Cycles == v.Cycles)
                    {
                        return false;
                    }

                    Touch(i);
                    Touch(j);
                    (v.Cycles, vars[j].Cycles) = (vars[j].Cycles, v.Cycles);
                    break;
                }

            case < 79:
                {
                    int j = _rng.Next(n);
                    if (vars[j].Liver == v.Liver)
                    {
                        return false;
                    }

                    Touch(i);
                    Touch(j);
                    (v.Liver, vars[j].Liver) = (vars[j].Liver, v.Liver);
                    break;
                }

            case < 84:
                {
                    // PD-L1 classes trade places between two subjects of the same responder status (ORR by CPS stays).
                    int j = _rng.Next(n);
                    bool responder = v.Response == ResponseClass.Responder;
                    if (vars[j].Cps == v.Cps || (vars[j].Response == ResponseClass.Responder) != responder)
                    {
                        return false;
                    }

                    Touch(i);
                    Touch(j);
                    (v.Cps, vars[j].Cps) = (vars[j].Cps, v.Cps);
                    break;
                }

            case < 88:
                {
                    // A responder and a stable disease trade places within one PD-L1 class.
                    int j = _rng.Next(n);
                    if (p.FixedResponse is not null || profiles[j].FixedResponse is not null || vars[j].Cps != v.Cps || vars[j].Response == v.Response)
                    {
                        return false;
                    }

                    Touch(i);
                    Touch(j);
                    (v.Response, vars[j].Response) = (vars[j].Response, v.Response);
                    break;
                }

            case < 91:
                {
                    // Which of the RECIST progressions die.
                    int j = _rng.Next(n);
                    if (!p.HasRecistProgression || !profiles[j].HasRecistProgression || vars[j].DiesAfterProgression == v.DiesAfterProgression)
                    {
                        return false;
                    }

                    Touch(i);
                    Touch(j);
                    (v.DiesAfterProgression, vars[j].DiesAfterProgression) = (vars[j].DiesAfterProgression, v.DiesAfterProgression);
                    int dying = v.DiesAfterProgression ? i : j;
                    _state.ScanDays(dying, _scanDays);
                    vars[dying].DeathDay = _scanDays[vars[dying].ProgressionScan] + _rng.Between(30, 300);
                    break;
                }

            case < 95:
                {
                    int j = _rng.Next(n);
                    if (j == i)
                    {
                        return false;
                    }

                    Touch(i);
                    Touch(j);
                    (v.FirstDose, vars[j].FirstDose) = (vars[j].FirstDose, v.FirstDose);
                    break;
                }

            default:
                {
                    var choices = p.FollowUpChoices;
                    if (choices.Length < 2)
                    {
                        return false;
                    }

                    Touch(i);
                    v.Follow = choices[_rng.Next(choices.Length)];
                    break;
                }
        }

        Updated();
        return true;
    }

    /// <summary>A start follow-up: the Results' OS needs few early censorings, so survival follow-up is the likely start.</summary>
    private FollowUp InitialFollowUp(FollowUp[] choices)
    {
        int draw = _rng.Next(10);
        return choices.Length switch
        {
            1 => choices[0],
            2 => draw < 8 ? FollowUp.SurvivalOnly : FollowUp.None,
            _ => draw < 5 ? FollowUp.Full : draw < 8 ? FollowUp.SurvivalOnly : FollowUp.None,
        };
    }

    /// <summary>
    /// The placement move: puts one subject's event or censoring on a chosen day (near another subject's time, or in a
    /// target window) with the one change of its numbers that does it: a death day; the progression scan and its offset;
    /// or, for a subject followed to the cutoff, the scan offset and the first dose that make that scan the last one.
    /// It rearranges the order of events and censorings in one step where single-number steps would need many.
    /// </summary>
    private bool Place()
    {
        int n = _state.Count;
        int i = _rng.Next(n);
        ref var v = ref _state.Vars[i];
        var p = _state.Profiles[i];
        bool os = _rng.Chance(1, 2);
        int target;
        if (_rng.Chance(1, 2))
        {
            int j = _rng.Next(n);
            target = (os ? _state.OsTime[j] : _state.PfsTime[j]) + _rng.Between(-3, 3);
        }
        else
        {
            var w = TimelineState.Windows[PickWindow()];
            target = _rng.Between(w.Low, w.High);
        }

        if (target < 2)
        {
            return false;
        }

        bool followed = _state.Outcome(i) is { OsEvent: false, PfsEvent: false } && v.Follow == FollowUp.Full;
        if (p.DiesWithoutProgression || (p.HasRecistProgression && v.DiesAfterProgression && os))
        {
            Touch(i);
            v.DeathDay = target;
        }
        else if (p.HasRecistProgression && p.Path != SubjectPath.InductionProgression)
        {
            int k = ScanIndexAt(v, p, target);
            if (k < 1)
            {
                return false;
            }

            Touch(i);
            v.ProgressionScan = k;
            _state.SetOffset(i, k, target - ProtocolCalendar.NominalScanDay(k, v.Cycles, p.EntersMaintenance));
        }
        else if (followed && !os)
        {
            int k = ScanIndexAt(v, p, target);
            if (k < 0 || k + 1 >= TimelineState.MaxScans)
            {
                return false;
            }

            Touch(i);
            _state.SetOffset(i, k, target - ProtocolCalendar.NominalScanDay(k, v.Cycles, p.EntersMaintenance));
            _state.ScanDays(i, _scanDays);
            int cut = _rng.Between(_scanDays[k], _scanDays[k + 1] - 1);
            v.FirstDose = Math.Clamp(TimelineState.CutoffOffset + 1 - cut, 0, TimelineState.LastFirstDose);
        }
        else if (followed)
        {
            Touch(i);
            v.FirstDose = Math.Clamp(TimelineState.CutoffOffset + 1 - (target + v.AliveBack), 0, TimelineState.LastFirstDose);
        }
        else
        {
            return false;
        }

        Updated();
        return true;
    }

    /// <summary>
    /// The replacement move: a death takes the place of another event in a target window. One subject whose event lies
    /// near the window moves its event away (the next or the previous scan, or a death some weeks off), and a subject who
    /// dies (without progression for a PFS window) dies inside the window. Two changes in one step: alone, either leaves
    /// the curve worse, which is why single steps do not find it.
    /// </summary>
    private bool Replace()
    {
        int n = _state.Count;
        var (_, low, high, os) = TimelineState.Windows[PickWindow()];
        var times = os ? _state.OsTime : _state.PfsTime;
        var events = os ? _state.OsEvent : _state.PfsEvent;
        int a = _rng.Next(n);
        int b = _rng.Next(n);
        if (a == b || !events[a] || times[a] < low - 20 || times[a] > high + 20)
        {
            return false;
        }

        var vars = _state.Vars;
        var profiles = _state.Profiles;
        var pb = profiles[b];
        bool bDies = pb.DiesWithoutProgression || (os && pb.HasRecistProgression && vars[b].DiesAfterProgression);
        if (!bDies || (times[b] >= low && times[b] <= high))
        {
            return false;
        }

        var pa = profiles[a];
        Touch(a);
        Touch(b);
        ref var va = ref vars[a];
        bool later = _rng.Chance(1, 2);
        if (!os && pa.HasRecistProgression && pa.Path != SubjectPath.InductionProgression)
        {
            va.ProgressionScan = Math.Clamp(va.ProgressionScan + (later ? 1 : -1), 1, TimelineState.MaxScans - 2);
        }
        else if (va.DeathDay > 0)
        {
            va.DeathDay = Math.Max(2, va.DeathDay + ((later ? 1 : -1) * _rng.Between(5, 60)));
        }

        vars[b].DeathDay = _rng.Between(low, high);
        Updated();
        return true;
    }

    /// <summary>A target window: half the time one whose figure misses now, else any.</summary>
    private int PickWindow()
    {
        if (_rng.Chance(1, 2))
        {
            Span<int> failing = stackalloc int[TimelineState.Windows.Length];
            int count = 0;
            for (int w = 0; w < failing.Length; w++)
            {
                if (_state.IsFailing(w))
                {
                    failing[count++] = w;
                }
            }

            if (count > 0)
            {
                return failing[_rng.Next(count)];
            }
        }

        return _rng.Next(TimelineState.Windows.Length);
    }

    private static int ScanIndexAt(in SubjectVars v, SubjectProfile p, int day)
    {
        for (int k = 0; k < TimelineState.MaxScans; k++)
        {
            int nominal = ProtocolCalendar.NominalScanDay(k, v.Cycles, p.EntersMaintenance);
            if (Math.Abs(day - nominal) <= ProtocolCalendar.ScanWindowDays)
            {
                return k;
            }
        }

        return -1;
    }

    private static bool HasStop(SubjectPath path) => path is not (SubjectPath.InductionDeath or SubjectPath.MaintenanceDeath or SubjectPath.Ongoing);

    private static bool StopsAtProgression(SubjectPath path) => path is SubjectPath.InductionProgression or SubjectPath.MaintenanceProgression;

    /// <summary>A start state: labels drawn to the design's counts, days drawn where each path's rules roughly allow.</summary>
    private void Initialise()
    {
        var profiles = _state.Profiles;
        var vars = _state.Vars;
        int n = _state.Count;

        var evaluable = Enumerable.Range(0, n).Where(i => profiles[i].FixedResponse is null).ToList();
        _rng.Shuffle(evaluable);
        for (int i = 0; i < n; i++)
        {
            vars[i].Response = profiles[i].FixedResponse ?? (evaluable.IndexOf(i) < CohortDesign.StableDisease ? ResponseClass.StableDisease : ResponseClass.Responder);
        }

        var responderClasses = new List<CpsClass>();
        var otherClasses = new List<CpsClass>();
        foreach (var (cls, responders, others) in CohortDesign.CpsClasses)
        {
            responderClasses.AddRange(Enumerable.Repeat(cls, responders));
            otherClasses.AddRange(Enumerable.Repeat(cls, others));
        }

        _rng.Shuffle(responderClasses);
        _rng.Shuffle(otherClasses);
        int r = 0;
        int o = 0;
        for (int i = 0; i < n; i++)
        {
            vars[i].Cps = vars[i].Response == ResponseClass.Responder ? responderClasses[r++] : otherClasses[o++];
        }

        var order = Enumerable.Range(0, n).ToList();
        _rng.Shuffle(order);
        for (int k = 0; k < CohortDesign.LiverMetastases; k++)
        {
            vars[order[k]].Liver = true;
        }

        var progressions = Enumerable.Range(0, n).Where(i => profiles[i].HasRecistProgression).ToList();
        _rng.Shuffle(progressions);
        for (int k = 0; k < CohortDesign.ProgressionDeaths; k++)
        {
            vars[progressions[k]].DiesAfterProgression = true;
        }

        var cycles = new List<int>();
        for (int c = 0; c < CohortDesign.InductionCycleCounts.Count; c++)
        {
            cycles.AddRange(Enumerable.Repeat(4 + c, CohortDesign.InductionCycleCounts[c]));
        }

        _rng.Shuffle(cycles);
        int m = 0;
        for (int i = 0; i < n; i++)
        {
            ref var v = ref vars[i];
            var p = profiles[i];
            v.Cycles = p.EntersMaintenance ? cycles[m++] : 4;
            v.Follow = InitialFollowUp(p.FollowUpChoices);
            v.FirstResponseScan = _rng.Chance(1, 4) ? 1 : 0;
            v.AliveBack = _rng.Between(0, 14);
            v.FirstDose = p.Cause == DeathCause.Covid19 || _rng.Chance(13, 20) ? _rng.Between(0, 300) : _rng.Between(300, TimelineState.LastFirstDose);
            for (int k = 0; k < TimelineState.MaxScans; k++)
            {
                _state.SetOffset(i, k, _rng.Between(-3, 3));
            }

            _state.ScanDays(i, _scanDays);
            int start = 1 + (ProtocolCalendar.CycleDays * v.Cycles);
            int a0 = _scanDays[0];
            int a1 = _scanDays[1];
            v.ProgressionScan = p.Path switch
            {
                SubjectPath.InductionProgression => 0,
                SubjectPath.InductionAdverseEvent or SubjectPath.InductionProtocolDeviation => _rng.Between(1, 5),
                SubjectPath.MaintenanceProgression => _rng.Between(2, 8),
                _ => _rng.Between(3, 9),
            };
            int pd = _scanDays[v.ProgressionScan];
            v.Stop = p.Path switch
            {
                SubjectPath.InductionWithdrawalBeforeScan or SubjectPath.InductionLost => _rng.Between(8, 30),
                SubjectPath.InductionWithdrawalAfterNeScan => a0 + _rng.Between(0, 10),
                SubjectPath.InductionProgression or SubjectPath.MaintenanceProgression => _rng.Between(0, 7),
                SubjectPath.InductionWithdrawal => _rng.Between(a1, 105),
                SubjectPath.InductionAdverseEvent or SubjectPath.InductionProtocolDeviation => _rng.Between(23, 40),
                SubjectPath.MaintenanceWithdrawalThenProgression or SubjectPath.MaintenanceNonCompliance => _rng.Between(start + 1, pd - 1),
                SubjectPath.MaintenanceWithdrawal => _rng.Between(start + 1, start + 300),
                _ => 0,
            };
            v.DeathDay = p.Path switch
            {
                SubjectPath.InductionDeath => p.Cause == DeathCause.Myelosuppression ? _rng.Between(6, 21) : _rng.Between(23, 33),
                SubjectPath.MaintenanceDeath or SubjectPath.MaintenanceClinicalProgression or SubjectPath.MaintenancePhysicianDecision => _rng.Between(start + 30, start + 450),
                _ when p.HasRecistProgression && v.DiesAfterProgression => pd + _rng.Between(30, 300),
                _ => 0,
            };
            if (p.Path is SubjectPath.MaintenanceClinicalProgression or SubjectPath.MaintenancePhysicianDecision)
            {
                v.Stop = v.DeathDay - _rng.Between(5, 20);
            }

            if (p.Cause == DeathCause.Covid19)
            {
                int covidFirst = ProtocolCalendar.CovidOutbreakStart.DayNumber - ProtocolCalendar.EnrolmentStart.DayNumber;
                int covidLast = ProtocolCalendar.CovidOutbreakEnd.DayNumber - ProtocolCalendar.EnrolmentStart.DayNumber;
                v.DeathDay = _rng.Between(Math.Max(start + 30, covidFirst - v.FirstDose + 1), Math.Max(start + 30, covidLast - v.FirstDose + 1));
            }
        }

        for (int i = 0; i < n; i++)
        {
            _state.Update(i);
        }
    }
}
