namespace Berth.Decision;

/// <summary>The stable ids used in JSON and markdown output.</summary>
public static class PlatformIds
{
    public const string EcsFargate = "ecs-fargate";
    public const string Eks = "eks";
    public const string Neutral = "neutral";

    public static string Id(Platform p) => p switch
    {
        Platform.EcsFargate => EcsFargate,
        Platform.Eks => Eks,
        _ => throw new ArgumentOutOfRangeException(nameof(p), p, "unknown platform"),
    };

    public static string Id(Favours f) => f switch
    {
        Favours.EcsFargate => EcsFargate,
        Favours.Eks => Eks,
        Favours.Neutral => Neutral,
        _ => throw new ArgumentOutOfRangeException(nameof(f), f, "unknown side"),
    };
}
