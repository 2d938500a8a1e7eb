namespace KetamineFaqBot.Bot.BotFramework;

/// <summary>A reply could not be delivered through the Connector.</summary>
public sealed class ConnectorException : Exception
{
    public ConnectorException()
    {
    }

    public ConnectorException(string message)
        : base(message)
    {
    }

    public ConnectorException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
