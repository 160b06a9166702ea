namespace OncoTrial.Statistics.Design;

/// <summary>Which of the admissible Simon two-stage designs to choose.</summary>
public enum SimonCriterion
{
    /// <summary>Minimum expected sample size under p₀ (EN₀). Simon (1989) "optimal"; <c>clinfun::ph2simon</c> "Optimal".</summary>
    Optimal,

    /// <summary>Minimum maximum sample size n, then minimum EN₀. Simon (1989) "minimax"; <c>clinfun::ph2simon</c> "Minimax".</summary>
    Minimax,
}
