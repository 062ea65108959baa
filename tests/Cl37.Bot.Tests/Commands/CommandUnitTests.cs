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
                // Files arrive beside the text arguments, by the name of their option.
                var read = new List<string>();
                var arguments = new ReadRecorder<string>(options.Where(o => o.Kind != OptionKind.File).ToDictionary(o => o.Name, Sample, StringComparer.OrdinalIgnoreCase), read);
                var files = new ReadRecorder<IncomingFile>(options.Where(o => o.Kind == OptionKind.File)
                    .ToDictionary(o => o.Name, o => IncomingFile.FromBytes(o.Name + ".md", "text/markdown", [1]), StringComparer.OrdinalIgnoreCase), read);
                unit.ReadArguments(new ChatCommand(Channel, User, unit.Definition.Name, sub?.Name, arguments) { Files = files });

                var path = "/" + unit.Definition.Name + (sub is null ? "" : " " + sub.Name);
                Assert.True(options.Select(o => o.Name).Order().SequenceEqual(read.Order()),
                    $"{path} declares [{string.Join(", ", options.Select(o => o.Name))}] but reads [{string.Join(", ", read)}]");
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

    /// <summary>The arguments (or files) of a command, noting in <paramref name="read"/> every name a bound method asks for.</summary>
    private sealed class ReadRecorder<T>(Dictionary<string, T> values, List<string> read) : IReadOnlyDictionary<string, T>
    {
        public T this[string key] => TryGetValue(key, out var value) ? value : throw new KeyNotFoundException(key);

        public IEnumerable<string> Keys => values.Keys;

        public IEnumerable<T> Values => values.Values;

        public int Count => values.Count;

        public bool ContainsKey(string key) => TryGetValue(key, out _);

        public bool TryGetValue(string key, [MaybeNullWhen(false)] out T value)
        {
            if (!read.Contains(key, StringComparer.OrdinalIgnoreCase))
                read.Add(key);
            return values.TryGetValue(key, out value);
        }

        public IEnumerator<KeyValuePair<string, T>> GetEnumerator() => values.GetEnumerator();

        System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();
    }
}
