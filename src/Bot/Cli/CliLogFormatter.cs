using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Logging.Console;

namespace Bot.Cli;

/// <summary>
/// The CLI verbs' log lines on stderr: <c>warning: message (reason)</c>, one line each, never a stack trace (the host's
/// own log, under <c>serve</c>, keeps the full exception).
/// </summary>
internal sealed class CliLogFormatter : ConsoleFormatter
{
    public const string FormatterName = "bot-cli";

    public CliLogFormatter()
        : base(FormatterName)
    {
    }

    public override void Write<TState>(in LogEntry<TState> logEntry, Microsoft.Extensions.Logging.IExternalScopeProvider? scopeProvider, TextWriter textWriter)
    {
        ArgumentNullException.ThrowIfNull(textWriter);
        var message = logEntry.Formatter?.Invoke(logEntry.State, logEntry.Exception);
        if (message is null)
        {
            return;
        }

        var level = logEntry.LogLevel switch
        {
            LogLevel.Critical or LogLevel.Error => "error",
            LogLevel.Warning => "warning",
            _ => "info",
        };
        var reason = logEntry.Exception is { } ex && !message.Contains(ex.Message, StringComparison.Ordinal) ? $" ({ex.Message})" : string.Empty;
        textWriter.WriteLine($"{level}: {(message + reason).ReplaceLineEndings(" ")}");
    }
}
