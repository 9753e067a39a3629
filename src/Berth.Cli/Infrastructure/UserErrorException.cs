namespace Berth.Cli.Infrastructure;

/// <summary>Bad input or usage: printed as one or more <c>error:</c> lines, exit code 2, never a stack trace.</summary>
public sealed class UserErrorException : Exception
{
    public UserErrorException(string message)
        : this([message])
    {
    }

    public UserErrorException(IReadOnlyList<string> lines)
        : base(string.Join('\n', lines)) => Lines = lines;

    public UserErrorException()
        : this("bad input")
    {
    }

    public UserErrorException(string message, Exception innerException)
        : base(message, innerException) => Lines = [message];

    public IReadOnlyList<string> Lines { get; }
}
