using System.Globalization;
using OncoTrial.Clinical.Recist;

namespace OncoTrial.Clinical.Endpoints;

/// <summary>
/// Derives the time-to-event endpoints PFS, OS, DoR and time to response, one <see cref="TimeToEventRecord"/> per subject
/// (ADaM ADTTE), under FDA or EMA censoring conventions. The rules, the FDA/EMA table and the CNSR codes are in
/// docs/methods/endpoints.md and docs/decisions/0003-censoring.md.
/// </summary>
/// <remarks>
/// Common to all: events, assessments, deaths and new therapy after the subject's data cutoff are ignored; only
/// adequate assessments (not NE/ND) dated after the start date count (for DoR, from the response date, inclusive);
/// ADT = max(ADT, STARTDT); AVAL = ADT − STARTDT + 1. admiral equivalent: <c>derive_param_tte()</c> with the
/// admiralonco sources <c>pd_event</c>, <c>death_event</c>, <c>lasta_censor</c>, <c>trts_censor</c>,
/// <c>lastalive_censor</c>, but with the FDA rules (new therapy, missed assessments) built in and "last assessment"
/// meaning last adequate assessment (admiralonco's LSTA also counts NE).
/// </remarks>
public static class TimeToEventEndpoints
{
    private const string PdDescription = "Disease Progression";
    private const string DeathDescription = "Death";
    private const string LastAdequateDescription = "Last Adequate Tumor Assessment";
    private const string AdslDomain = "ADSL";

    /// <summary>PFS for every subject: start date to the first PD or death, whichever comes first.</summary>
    /// <param name="subjects">Subjects with distinct ids.</param>
    /// <param name="options">Options; null = <see cref="EndpointOptions.Default"/>.</param>
    /// <exception cref="ArgumentException">Two subjects share an id.</exception>
    public static IReadOnlyList<TimeToEventRecord> DerivePfs(IEnumerable<EndpointSubject> subjects, EndpointOptions? options = null) =>
        ForEach(subjects, s => DerivePfs(s, options));

    /// <summary>PFS for one subject (PARAMCD PFS).</summary>
    public static TimeToEventRecord DerivePfs(EndpointSubject subject, EndpointOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(subject);
        options ??= EndpointOptions.Default;
        options.EnsureValid();
        var start = new StartAnchor(subject.StartDate, false, AdslDomain, options.StartDateSource.ToVariable(), null, options.StartDateSource.ToDescription());
        return DeriveProgressionOrDeath(subject, "PFS", "Progression-Free Survival", start, options);
    }

    /// <summary>OS for every subject: start date to death from any cause; alive subjects censored at the last known alive date.</summary>
    /// <param name="subjects">Subjects with distinct ids.</param>
    /// <param name="options">Options; null = <see cref="EndpointOptions.Default"/>. The convention does not change OS.</param>
    /// <exception cref="ArgumentException">Two subjects share an id.</exception>
    public static IReadOnlyList<TimeToEventRecord> DeriveOs(IEnumerable<EndpointSubject> subjects, EndpointOptions? options = null) =>
        ForEach(subjects, s => DeriveOs(s, options));

    /// <summary>
    /// OS for one subject (PARAMCD OS). Death on or before the cutoff is the event (ADSL.DTHDT). Otherwise censored at
    /// the last known alive date (ADSL.LSTALVDT), or at the data cutoff when that date is later (CNSR 1); with no last
    /// known alive date, at the start date (CNSR 2). Without a data cutoff, every death counts and an alive subject is
    /// censored at the last known alive date (no date is invented).
    /// </summary>
    public static TimeToEventRecord DeriveOs(EndpointSubject subject, EndpointOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(subject);
        options ??= EndpointOptions.Default;
        options.EnsureValid();
        const string code = "OS";
        const string param = "Overall Survival";
        if (subject.DeathDate is { } death && subject.IsOnOrBeforeCutoff(death))
        {
            return Create(subject, code, param, subject.StartDate, death, TimeToEventRule.Event, DeathDescription, null, AdslDomain, "DTHDT", null, options);
        }

        if (subject.LastKnownAliveDate is { } alive)
        {
            return subject.IsOnOrBeforeCutoff(alive)
                ? Create(subject, code, param, subject.StartDate, alive, TimeToEventRule.AliveLastKnownAlive, "Alive", "Last Known Alive Date", AdslDomain, "LSTALVDT", null, options)
                : Create(subject, code, param, subject.StartDate, subject.DataCutoffDate!.Value, TimeToEventRule.AliveLastKnownAlive, "Alive", "Data Cutoff", null, null, null, options);
        }

        return Create(
            subject, code, param, subject.StartDate, subject.StartDate, TimeToEventRule.NoFollowUp, "No Follow-Up After Start",
            options.StartDateSource.ToDescription(), AdslDomain, options.StartDateSource.ToVariable(), null, options);
    }

    /// <summary>
    /// DoR for the responders among the subjects (confirmed ones by default, <see cref="EndpointOptions.ResponseBasis"/>):
    /// from the first response to PD or death, with the PFS censoring rules. Non-responders get no record.
    /// </summary>
    /// <exception cref="ArgumentException">Two subjects share an id.</exception>
    public static IReadOnlyList<TimeToEventRecord> DeriveDor(IEnumerable<EndpointSubject> subjects, EndpointOptions? options = null) =>
        ForEach(subjects, s => DeriveDor(s, options));

    /// <summary>
    /// DoR for one subject (PARAMCD DOR), or null when the subject is not a responder on or before the cutoff. STARTDT is
    /// the first response date; the response assessment itself is the first adequate assessment, so a responder with no
    /// later assessment is censored at STARTDT (AVAL 1).
    /// </summary>
    public static TimeToEventRecord? DeriveDor(EndpointSubject subject, EndpointOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(subject);
        options ??= EndpointOptions.Default;
        options.EnsureValid();
        if (ResponseDate(subject, options) is not { } response)
        {
            return null;
        }

        int? sequence = AssessmentOn(subject, response)?.Sequence;
        var start = new StartAnchor(response, true, options.AssessmentDomain, options.AssessmentDateVariable, sequence, "First Response");
        return DeriveProgressionOrDeath(subject, "DOR", "Duration of Response", start, options);
    }

    /// <summary>Time to response for every subject (responders: event; non-responders: censored).</summary>
    /// <exception cref="ArgumentException">Two subjects share an id.</exception>
    public static IReadOnlyList<TimeToEventRecord> DeriveTimeToResponse(IEnumerable<EndpointSubject> subjects, EndpointOptions? options = null) =>
        ForEach(subjects, s => DeriveTimeToResponse(s, options));

    /// <summary>
    /// Time to response for one subject (PARAMCD TTR): start date to the first response (confirmed by default). A
    /// non-responder is censored at the last adequate assessment (CNSR 1); under FDA, with new anticancer therapy, at the
    /// last adequate assessment on or before it (CNSR 3); with none, at the start date (CNSR 2). Death is not an event.
    /// </summary>
    public static TimeToEventRecord DeriveTimeToResponse(EndpointSubject subject, EndpointOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(subject);
        options ??= EndpointOptions.Default;
        options.EnsureValid();
        const string code = "TTR";
        const string param = "Time to Response";
        if (ResponseDate(subject, options) is { } response)
        {
            return Create(
                subject, code, param, subject.StartDate, response, TimeToEventRule.Event,
                options.ResponseBasis == ResponseBasis.Confirmed ? "Confirmed Response" : "Response", null,
                options.AssessmentDomain, options.AssessmentDateVariable, AssessmentOn(subject, response)?.Sequence, options);
        }

        var start = new StartAnchor(subject.StartDate, false, AdslDomain, options.StartDateSource.ToVariable(), null, options.StartDateSource.ToDescription());
        var adequate = AdequateAssessments(subject, start);
        DateOnly? therapy = options.Convention == CensoringConvention.Fda ? TherapyDate(subject) : null;
        TumorAssessment? last = therapy is { } t ? LastOnOrBefore(adequate, t) : (adequate.Count > 0 ? adequate[^1] : null);
        if (last is not { } l)
        {
            return CensorAtStart(subject, code, param, start, "No Adequate Post-Baseline Assessment", options);
        }

        return therapy is null
            ? CensorAt(subject, code, param, start, l, TimeToEventRule.NoEventLastAdequateAssessment, "No Response", LastAdequateDescription, options)
            : CensorAt(subject, code, param, start, l, TimeToEventRule.NewAnticancerTherapy, "New Anticancer Therapy Before Response", LastAdequateDescription + " Before New Therapy", options);
    }

    private static TimeToEventRecord DeriveProgressionOrDeath(EndpointSubject subject, string code, string param, StartAnchor start, EndpointOptions options)
    {
        bool fda = options.Convention == CensoringConvention.Fda;
        var adequate = AdequateAssessments(subject, start);
        DateOnly? death = subject.DeathDate is { } d && subject.IsOnOrBeforeCutoff(d) ? d : null;
        TumorAssessment? pd = null;
        foreach (var a in adequate)
        {
            if (a.Response == OverallResponse.ProgressiveDisease)
            {
                pd = a;
                break;
            }
        }

        // The event is the earlier of PD and death; on the same date PD wins (admiral: the first listed event source).
        bool isDeath = death is { } dd && (pd is null || dd < pd.Value.Date);
        DateOnly? eventDate = isDeath ? death : pd?.Date;

        // FDA: new anticancer therapy before the event (or with no event) censors at the last adequate assessment on or
        // before the therapy. An event on the therapy's start date counts (it was documented before the therapy).
        if (fda && TherapyDate(subject) is { } therapy && (eventDate is null || eventDate.Value > therapy))
        {
            return LastOnOrBefore(adequate, therapy) is { } beforeTherapy
                ? CensorAt(subject, code, param, start, beforeTherapy, TimeToEventRule.NewAnticancerTherapy, "New Anticancer Therapy Before Event", LastAdequateDescription + " Before New Therapy", options)
                : CensorAtStart(subject, code, param, start, "No Adequate Assessment Before New Therapy", options);
        }

        if (eventDate is { } ev)
        {
            TumorAssessment? prior = null;
            foreach (var a in adequate)
            {
                if (a.Date < ev)
                {
                    prior = a;
                }
            }

            DateOnly anchor = prior?.Date ?? start.Date;
            bool missed = fda && ev.DayNumber - anchor.DayNumber > options.MissedAssessmentGapDays;
            string what = isDeath ? DeathDescription : "Disease Progression";
            if (missed)
            {
                string reason = string.Create(CultureInfo.InvariantCulture, $"{what} After {options.MissedAssessments} or More Missed Assessments");
                if (prior is { } p)
                {
                    return CensorAt(subject, code, param, start, p, TimeToEventRule.EventAfterMissedAssessments, reason, LastAdequateDescription + " Before Missed Assessments", options);
                }

                return isDeath
                    ? CensorAtStart(subject, code, param, start, "No Adequate Post-Baseline Assessment, " + reason, options)
                    : Create(subject, code, param, start.Date, start.Date, TimeToEventRule.EventAfterMissedAssessments, reason, start.Description, start.Domain, start.Variable, start.Sequence, options);
            }

            if (isDeath)
            {
                var rule = prior is null && !start.IsAssessment ? TimeToEventRule.DeathWithoutAdequateAssessment : TimeToEventRule.Event;
                return Create(subject, code, param, start.Date, ev, rule, DeathDescription, null, AdslDomain, "DTHDT", null, options);
            }

            return Create(subject, code, param, start.Date, ev, TimeToEventRule.Event, PdDescription, null, options.AssessmentDomain, options.AssessmentDateVariable, pd!.Value.Sequence, options);
        }

        return adequate.Count > 0
            ? CensorAt(subject, code, param, start, adequate[^1], TimeToEventRule.NoEventLastAdequateAssessment, "No Progression or Death", LastAdequateDescription, options)
            : CensorAtStart(subject, code, param, start, "No Adequate Post-Baseline Assessment", options);
    }

    private static List<TumorAssessment> AdequateAssessments(EndpointSubject subject, StartAnchor start)
    {
        var list = new List<TumorAssessment>(subject.Assessments.Count);
        foreach (var a in subject.Assessments)
        {
            bool afterStart = start.IsAssessment ? a.Date >= start.Date : a.Date > start.Date;
            if (a.IsAdequate && afterStart && subject.IsOnOrBeforeCutoff(a.Date))
            {
                list.Add(a);
            }
        }

        return list;
    }

    private static TumorAssessment? LastOnOrBefore(List<TumorAssessment> adequate, DateOnly date)
    {
        TumorAssessment? last = null;
        foreach (var a in adequate)
        {
            if (a.Date <= date)
            {
                last = a;
            }
        }

        return last;
    }

    private static DateOnly? TherapyDate(EndpointSubject subject) =>
        subject.NewAnticancerTherapyDate is { } t && subject.IsOnOrBeforeCutoff(t) ? t : null;

    private static DateOnly? ResponseDate(EndpointSubject subject, EndpointOptions options) =>
        subject.FirstResponseDate is { } r && subject.IsOnOrBeforeCutoff(r) && (subject.IsResponseConfirmed || options.ResponseBasis == ResponseBasis.Unconfirmed) ? r : null;

    private static TumorAssessment? AssessmentOn(EndpointSubject subject, DateOnly date)
    {
        foreach (var a in subject.Assessments)
        {
            if (a.Date == date && a.IsAdequate)
            {
                return a;
            }
        }

        return null;
    }

    private static TimeToEventRecord CensorAt(
        EndpointSubject subject, string code, string param, StartAnchor start, TumorAssessment at, TimeToEventRule rule, string reason, string dateDescription, EndpointOptions options) =>
        Create(subject, code, param, start.Date, at.Date, rule, reason, dateDescription, options.AssessmentDomain, options.AssessmentDateVariable, at.Sequence, options);

    private static TimeToEventRecord CensorAtStart(EndpointSubject subject, string code, string param, StartAnchor start, string reason, EndpointOptions options) =>
        Create(subject, code, param, start.Date, start.Date, TimeToEventRule.NoAdequatePostBaselineAssessment, reason, start.Description, start.Domain, start.Variable, start.Sequence, options);

    private static TimeToEventRecord Create(
        EndpointSubject subject, string code, string param, DateOnly startDate, DateOnly date, TimeToEventRule rule, string eventDescription,
        string? censorDateDescription, string? domain, string? variable, int? sequence, EndpointOptions options) =>
        new(subject.SubjectId, code, param, startDate, date < startDate ? startDate : date, rule, eventDescription,
            rule.IsEvent() ? null : censorDateDescription, domain, variable, sequence, options);

    private static TimeToEventRecord[] ForEach(IEnumerable<EndpointSubject> subjects, Func<EndpointSubject, TimeToEventRecord?> derive)
    {
        ArgumentNullException.ThrowIfNull(subjects);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var duplicates = new List<string>();
        var records = new List<TimeToEventRecord>();
        foreach (var s in subjects)
        {
            ArgumentNullException.ThrowIfNull(s, nameof(subjects));
            if (!seen.Add(s.SubjectId))
            {
                duplicates.Add(s.SubjectId);
                continue;
            }

            if (derive(s) is { } r)
            {
                records.Add(r);
            }
        }

        if (duplicates.Count > 0)
        {
            throw new ArgumentException(
                $"subjects: expected one entry per USUBJID, found more than one for {string.Join(", ", duplicates.Distinct(StringComparer.Ordinal))}. Merge each subject's data into one EndpointSubject.",
                nameof(subjects));
        }

        return [.. records];
    }

    /// <summary>Day 1 of a derivation and where it comes from (the start date, or for DoR the response assessment).</summary>
    private readonly record struct StartAnchor(DateOnly Date, bool IsAssessment, string Domain, string Variable, int? Sequence, string Description);
}
