using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using Cl37.Bot.Chat;
using Cl37.Bot.Commands;

namespace Cl37.Bot.Tests.Commands;

public sealed class CommandUnitTests
{
    private static readonly ChannelRef Channel = new("playground", "g", "c");
    private static readonly ChatUser User = new("u", "U", false);

    [Fact]
    public void ReadArguments_EveryBoundMethod_ReadsExactlyTheOptionsItDeclares()
    {
        foreach (var unit in CommandRegistrations.All)
        {
            IEnumerable<SubCommandDefinition?> subs = unit.Definition.SubCommands.Count == 0 ? [null] : [.. unit.Definition.SubCommands];
            foreach (var sub in subs)
            {
                var options = sub?.Options ?? unit.Definition.Options;
                var arguments = new ReadRecorder(options.ToDictionary(o => o.Name, Sample, StringComparer.OrdinalIgnoreCase));
                unit.ReadArguments(new ChatCommand(Channel, User, unit.Definition.Name, sub?.Name, arguments));

                var path = "/" + unit.Definition.Name + (sub is null ? "" : " " + sub.Name);
                Assert.True(options.Select(o => o.Name).Order().SequenceEqual(arguments.Read.Order()),
                    $"{path} declares [{string.Join(", ", options.Select(o => o.Name))}] but reads [{string.Join(", ", arguments.Read)}]");
            }
        }
    }

    [Fact]
    public async Task RunAsync_SubCommandNotInTheDefinition_Throws()
    {
        var command = new ChatCommand(Channel, User, "calc", "volume", new Dictionary<string, string>());

        await Assert.ThrowsAsync<ArgumentException>(() => CalcCommand.Unit.RunAsync(new EmptyServices(), command, CancellationToken.None));
    }

    [Fact]
    public void Bind_DefinitionWithSubCommands_Throws() =>
        Assert.Throws<ArgumentException>(() => CommandUnit.Bind(QuizCommand.Definition, c => c, (_, _, _) => Task.FromResult(OutgoingMessage.PrivateText("x"))));

    // A value each option's validation accepts, so reading it as a typed argument cannot fail.
    private static string Sample(OptionDefinition o) => o.Kind switch
    {
        OptionKind.Boolean => "true",
        OptionKind.Integer or OptionKind.Number => (o.MinValue ?? 1).ToString(CultureInfo.InvariantCulture),
        _ => o.Choices?[0] ?? "x",
    };

    private sealed class EmptyServices : IServiceProvider
    {
        public object? GetService(Type serviceType) => null;
    }

    /// <summary>The arguments of a command, noting every name a bound method asks for.</summary>
    private sealed class ReadRecorder(Dictionary<string, string> values) : IReadOnlyDictionary<string, string>
    {
        public List<string> Read { get; } = [];

        public string this[string key] => TryGetValue(key, out var value) ? value : throw new KeyNotFoundException(key);

        public IEnumerable<string> Keys => values.Keys;

        public IEnumerable<string> Values => values.Values;

        public int Count => values.Count;

        public bool ContainsKey(string key) => TryGetValue(key, out _);

        public bool TryGetValue(string key, [MaybeNullWhen(false)] out string value)
        {
            if (!Read.Contains(key))
                Read.Add(key);
            return values.TryGetValue(key, out value);
        }

        public IEnumerator<KeyValuePair<string, string>> GetEnumerator() => values.GetEnumerator();

        System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();
    }
}
