namespace OncoTrial.Statistics;

/// <summary>
/// How the Cox partial likelihood treats several events at the same time. The default is <see cref="Efron"/>
/// (R <c>coxph</c>); SAS PROC PHREG defaults to <see cref="Breslow"/>. Without tied event times both give the
/// same likelihood. See docs/methods/cox.md.
/// </summary>
public enum CoxTies
{
    /// <summary>
    /// Efron (1977) approximation: the k-th of d tied events (k = 0..d−1) sees the risk set with k/d of the
    /// tied events' risk removed. Default of R <c>coxph</c> (<c>ties = "efron"</c>); SAS PHREG <c>TIES=EFRON</c>.
    /// </summary>
    Efron,

    /// <summary>
    /// Breslow (1974) approximation: every tied event sees the full risk set. Default of SAS PROC PHREG
    /// (<c>TIES=BRESLOW</c>); R <c>coxph(ties = "breslow")</c>.
    /// </summary>
    Breslow,
}
