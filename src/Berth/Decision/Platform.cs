namespace Berth.Decision;

/// <summary>The two platforms Berth chooses between.</summary>
public enum Platform
{
    EcsFargate,
    Eks,
}

/// <summary>Which platform a reason argues for; <see cref="Neutral"/> when it does not bear on this input.</summary>
public enum Favours
{
    EcsFargate,
    Eks,
    Neutral,
}
