namespace Berth.Generation;

/// <summary>The spec asks for something the generator cannot express (e.g. a task larger than any Fargate size).</summary>
public sealed class GenerationException : Exception
{
    public GenerationException()
    {
    }

    public GenerationException(string message)
        : base(message)
    {
    }

    public GenerationException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
