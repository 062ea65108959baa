using System.Net;
using System.Net.Sockets;
using Cl37.Bot.Commands;
using Cl37.Bot.Content;
using Cl37.Bot.Data;
using Microsoft.AspNetCore.Connections;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.Options;

namespace Cl37.Bot.Hosting;

/// <summary>The command-line verbs that run without starting the host, and the host's own start
/// when its address is taken. Answers go to standard output, errors to standard error.</summary>
public static class CommandLine
{
    public const int BadArguments = 2;

    /// <summary>Exit code when the address to listen on is taken.</summary>
    public const int AddressInUse = 3;

    /// <summary>Exit code when the SQLite database or its folder cannot be written.</summary>
    public const int DatabaseNotWritable = 4;

    /// <summary>Exit code when a setting is wrong (checked as the host starts).</summary>
    public const int BadSettings = 5;

    /// <summary>Exit code when the SQLite database a marker names is gone and a new one was not asked for.</summary>
    public const int DatabaseMissing = 6;

    public const string Usage = """
        Usage: cl37bot [verb] [arguments]
          (no verb)                    start the bot; settings as --Key=value, e.g. --Urls=http://localhost:5081
          calc <calculator> <values>   a course calculator with worked steps, e.g. calc servers 200 50
          deck check [path]            check decks, list every problem (default: content/)
          deck export [DECK] --format gift|moodle-xml|markdown [--out FILE]
          deck convert IN OUT          convert between .md, .gift and .xml decks
          teams package [...]          build the Teams app package
          help                         this text
        With dotnet run, put them after --: dotnet run --project src/Cl37.Bot -- calc servers 200 50
        """;

    /// <summary>Runs a verb (<c>calc …</c>, <c>deck check …</c>) and returns its exit code, or null to start the host.</summary>
    public static async Task<int?> TryRunAsync(string[] args, TextWriter output, TextWriter error)
    {
        if (args.Length == 0)
            return null;
        switch (args[0])
        {
            case "calc":
                return await CalcCommandLine.RunAsync(args[1..], output, error);
            case "deck":
                return await DeckCommandLine.RunAsync(args[1..], output, error);
            case "teams":
                return Platforms.Teams.TeamsPackageCommand.Run(args[1..], output, CommandRegistrations.Catalog());
            case "help" or "--help" or "-h" or "-?" or "/?":
                output.WriteLine(Usage);
                return 0;
        }
        // Settings for the host come as --Key=value, --Key value, /Key=value or Key=value; any other word is a mistake, not a start.
        if (args[0].StartsWith('-') || args[0].StartsWith('/') || args[0].Contains('=', StringComparison.Ordinal))
            return null;
        error.WriteLine($"Unknown command '{args[0]}': use calc, deck or teams, or no command to start the bot.");
        error.WriteLine(Usage);
        return BadArguments;
    }

    /// <summary>Builds and runs the host; a wrong setting (one that does not bind, or fails its
    /// validator) ends it with one line per problem naming the setting instead of a stack trace.</summary>
    public static async Task<int> RunHostAsync(Func<WebApplication> build, TextWriter error)
    {
        WebApplication app;
        try
        {
            app = build();
            // The validators run here, before the host starts: a failure the host met first would
            // also be logged with its stack trace.
            app.Services.GetService<IStartupValidator>()?.Validate();
        }
        catch (Exception ex) when (SettingProblems(ex) is { Count: > 0 } problems)
        {
            foreach (var problem in problems)
                error.WriteLine("Setting problem: " + problem);
            return BadSettings;
        }
        return await RunHostAsync(app, error);
    }

    /// <summary>Runs the host; an address that is already taken ends it with one line naming the port
    /// and the setting to change, instead of Kestrel's stack trace.</summary>
    public static async Task<int> RunHostAsync(WebApplication app, TextWriter error)
    {
        // Checked before the host starts, so the refusal is one line rather than the host's stack trace.
        if (MissingDatabase(app) is { } missing)
        {
            error.WriteLine(missing);
            return DatabaseMissing;
        }
        var urls = app.Configuration["urls"];
        // Only Kestrel binds ports; an in-memory test server does not, whatever the settings say.
        var kestrel = app.Services.GetService<IServer>()?.GetType().Assembly == typeof(KestrelServerOptions).Assembly;
        if (kestrel && TakenAddress(urls) is { } taken)
        {
            error.WriteLine(AddressInUseMessage(taken.Url, taken.Port));
            return AddressInUse;
        }
        try
        {
            await app.RunAsync();
            return 0;
        }
        catch (Exception ex) when (ex is AddressInUseException || ex.InnerException is AddressInUseException)
        {
            // Taken between the check and the bind: the same line, without the stack trace.
            error.WriteLine(AddressInUseMessage(urls ?? "", null));
            return AddressInUse;
        }
        catch (Exception ex) when (SettingProblems(ex) is { Count: > 0 } problems)
        {
            // Each validator already names its setting; a stack trace would only hide that line.
            foreach (var problem in problems)
                error.WriteLine("Setting problem: " + problem);
            return BadSettings;
        }
        catch (Exception ex) when (Find<DatabaseFileException>(ex) is { } notWritable)
        {
            error.WriteLine(notWritable.Message);
            return DatabaseNotWritable;
        }
    }

    private static string? MissingDatabase(WebApplication app)
    {
        try
        {
            return DatabaseMigrator.MissingDatabase(app.Services.GetRequiredService<DatabaseConnections>(), app.Services.GetRequiredService<IOptions<DatabaseOptions>>().Value);
        }
        catch (OptionsValidationException)
        {
            // A wrong setting: the host's start names it.
            return null;
        }
    }

    private static T? Find<T>(Exception? ex) where T : Exception
    {
        for (; ex is not null; ex = ex.InnerException)
        {
            if (ex is T found)
                return found;
            if (ex is AggregateException { InnerExceptions: var inner } && inner.Select(Find<T>).FirstOrDefault(f => f is not null) is { } nested)
                return nested;
        }
        return null;
    }

    /// <summary>The options validators' messages inside <paramref name="ex"/>, or none.</summary>
    public static IReadOnlyList<string> SettingProblems(Exception ex) => ex switch
    {
        OptionsValidationException options => [.. options.Failures],
        // Configuration binding names the setting it could not convert ("Failed to convert configuration value at 'Hosting:ShutdownTimeoutSeconds' …").
        InvalidOperationException { Message: var message } when message.StartsWith("Failed to convert configuration value", StringComparison.Ordinal) => [message],
        AggregateException aggregate => [.. aggregate.InnerExceptions.SelectMany(SettingProblems)],
        { InnerException: { } inner } => SettingProblems(inner),
        _ => [],
    };

    public static string AddressInUseMessage(string url, int? port) =>
        (port is { } p ? $"Port {p} is already in use ({url})" : $"The address is already in use ({url})")
        + "; stop the other program or choose another address with the 'Urls' setting (environment variable URLS, e.g. URLS=http://localhost:5081).";

    /// <summary>The first configured address whose port another program already listens on.</summary>
    public static (string Url, int Port)? TakenAddress(string? urls)
    {
        if (string.IsNullOrWhiteSpace(urls))
            return null;
        foreach (var url in urls.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (Endpoint(url) is not { } endpoint)
                continue;
            using var socket = new Socket(endpoint.AddressFamily, SocketType.Stream, ProtocolType.Tcp);
            try
            {
                socket.Bind(endpoint);
            }
            catch (SocketException ex) when (ex.SocketErrorCode == SocketError.AddressAlreadyInUse)
            {
                return (url, endpoint.Port);
            }
            catch (SocketException)
            {
                // Not ours to judge (no IPv6, an address of another machine): Kestrel reports it.
            }
        }
        return null;
    }

    private static IPEndPoint? Endpoint(string url)
    {
        // Kestrel's wildcards (+, *) are not valid URI hosts.
        var parseable = url.Replace("://+", "://0.0.0.0", StringComparison.Ordinal).Replace("://*", "://0.0.0.0", StringComparison.Ordinal);
        if (!Uri.TryCreate(parseable, UriKind.Absolute, out var uri) || uri.Port <= 0)
            return null;
        if (uri.IsLoopback && !IPAddress.TryParse(uri.Host.Trim('[', ']'), out _))
            return new IPEndPoint(IPAddress.Loopback, uri.Port);
        return IPAddress.TryParse(uri.Host.Trim('[', ']'), out var address) ? new IPEndPoint(address, uri.Port) : null;
    }
}
