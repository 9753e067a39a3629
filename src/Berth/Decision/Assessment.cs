namespace Berth.Decision;

/// <summary>A smallest single change to the input that flips the recommendation.</summary>
public sealed record Counterfactual(string Change, Platform Recommendation);

/// <summary>The engine's answer: the recommendation, both scores, every reason and the counterfactuals.</summary>
public sealed record Assessment(
    Platform Recommendation,
    bool CloseCall,
    int EcsScore,
    int EksScore,
    IReadOnlyList<Reason> Reasons,
    IReadOnlyList<Counterfactual> Counterfactuals)
{
    /// <summary>What the team runs today against this recommendation (berth.yaml <c>currentPlatform</c> and costs given), else null.</summary>
    public MoveAssessment? Current { get; init; }
}
