namespace Berth.Decision;

/// <summary>One criterion's verdict on an input: the side it favours, how strongly, and a sentence quoting the input.</summary>
public sealed record Reason(string Id, Favours Favours, int Weight, string Text)
{
    public static Reason Ecs(string id, int weight, string text) => new(id, Favours.EcsFargate, weight, text);

    public static Reason Eks(string id, int weight, string text) => new(id, Favours.Eks, weight, text);

    public static Reason Neutral(string id, string text) => new(id, Favours.Neutral, 0, text);
}
