using Cl37.Bot.Chat;
using Cl37.Bot.Commands;
using Cl37.Bot.Messages;

namespace Cl37.Bot.Tests.Chat;

public sealed class CommandTextParserTests
{
    private static readonly ChannelRef Channel = new("test", "g", "c");
    private static readonly ChatUser User = new("u", "U", false);

    [Theory]
    [InlineData("/calc servers 200 50", "calc", "servers", "peak=200;capacity=50")]
    [InlineData("calc servers 200 50 1.5", "calc", "servers", "peak=200;capacity=50;buffer=1.5")]
    [InlineData("/calc weights 784 128 64 32 --biases", "calc", "weights", "layers=784 128 64 32;biases=true")]
    [InlineData("/quiz schedule set 09:00 Europe/Berlin mon-fri", "quiz", "schedule set", "time=09:00;zone=Europe/Berlin;days=mon-fri")]
    [InlineData("/leaderboard period:month page=2", "leaderboard", null, "period=month;page=2")]
    [InlineData("/competition start \"Exam sprint\" 2026-12-20", "competition", "start", "name=Exam sprint;end=2026-12-20")]
    [InlineData("/quiz schedule set time:07:30 --zone UTC", "quiz", "schedule set", "time=07:30;zone=UTC")]
    [InlineData("HELP calc", "help", null, "command=calc")]
    [InlineData("/calc weights layers:784 128 64 32 biases:true", "calc", "weights", "layers=784 128 64 32;biases=true")]
    [InlineData("/quiz now force:true", "quiz", "now", "force=true")]
    [InlineData("/quiz now force:True", "quiz", "now", "force=True")]
    [InlineData("/quiz now --force", "quiz", "now", "force=true")]
    [InlineData("/quiz now force", "quiz", "now", "force=true")]
    [InlineData("/quiz now --force=true", "quiz", "now", "force=true")]
    [InlineData("/quiz now deck:single force", "quiz", "now", "deck=single;force=true")]
    [InlineData("/quiz settings --hide_results true", "quiz", "settings", "hide_results=true")]
    [InlineData("/quiz settings --hide-results false --streak_bonus", "quiz", "settings", "hide_results=false;streak_bonus=true")]
    [InlineData("/quiz settings hide_results:true", "quiz", "settings", "hide_results=true")]
    [InlineData("/quiz settings hide-results=yes speed_bonus", "quiz", "settings", "hide_results=yes;speed_bonus=true")]
    [InlineData("/quiz answer the Post method", "quiz", "answer", "text=the Post method")]
    [InlineData("/quiz answer text:4 servers", "quiz", "answer", "text=4 servers")]
    public void Parse_ValidText_YieldsCommandAndArguments(string text, string name, string? sub, string args)
    {
        var result = CommandTextParser.Parse(CommandRegistrations.Catalog(), text, Channel, User);

        Assert.Null(result.Error);
        Assert.Equal(name, result.Command!.Name);
        Assert.Equal(sub, result.Command.SubCommand);
        var expected = args.Split(';').Select(a => a.Split('=', 2)).ToDictionary(a => a[0], a => a[1]);
        Assert.Equal(expected.OrderBy(k => k.Key), result.Command.Arguments.OrderBy(k => k.Key));
    }

    [Theory]
    [InlineData("", "Type a command")]
    [InlineData("/nonsense", "don't know the command")]
    [InlineData("/calc", "needs a sub-command")]
    [InlineData("/calc rockets 1 2", "no sub-command `rockets`")]
    [InlineData("/calc servers 1 2 3 4", "Too many values")]
    [InlineData("/calc servers --nope 1", "has no option `nope`")]
    [InlineData("/calc servers 200 --capacity", "`capacity:…` needs a value")]
    public void Parse_BadText_GivesOneClearSentence(string text, string expected)
    {
        var result = CommandTextParser.Parse(CommandRegistrations.Catalog(), text, Channel, User);

        Assert.Null(result.Command);
        Assert.Contains(expected, CommandMessages.Describe(result.Error!));
    }

    [Fact]
    public void Usage_EveryOption_IsWrittenByName()
    {
        var quiz = CommandRegistrations.Catalog().Find("quiz")!;

        Assert.Equal("/quiz now [deck:…] [force:true]", CommandUsage.Of(quiz, quiz.FindSubCommand("now")));
        Assert.Equal("/quiz settings [streak_bonus:true] [speed_bonus:true] [everyone_can_post:true] [hide_results:true]", CommandUsage.Of(quiz, quiz.FindSubCommand("settings")));
        Assert.Equal("/calc servers peak:… capacity:… [buffer:…]", CommandUsage.Of(CommandRegistrations.Catalog().Find("calc")!, CommandRegistrations.Catalog().Find("calc")!.FindSubCommand("servers")));
    }

    [Fact]
    public void Example_EveryRegisteredExample_ParsesAndIsWrittenWithOptionNames()
    {
        foreach (var command in CommandRegistrations.Catalog().All)
        {
            IEnumerable<SubCommandDefinition?> subs = command.SubCommands.Count == 0 ? new SubCommandDefinition?[] { null } : command.SubCommands.Select(s => (SubCommandDefinition?)s);
            foreach (var sub in subs)
            {
                var example = sub?.Example ?? command.Example!;
                var parsed = CommandTextParser.Parse(CommandRegistrations.Catalog(), example, Channel, User);

                Assert.Null(parsed.Error);
                Assert.Equal(example, CommandUsage.Example(command, sub));
                var named = example.Split(' ').Skip(sub is null ? 1 : 1 + sub.Name.Split(' ').Length).Where(w => w.Contains(':', StringComparison.Ordinal)).Select(w => w[..w.IndexOf(':', StringComparison.Ordinal)]);
                Assert.Equal(parsed.Command!.Arguments.Keys.Order(), named.Order());
            }
        }
    }

    [Fact]
    public void Parse_HugeInput_IsRefusedNotTruncated()
    {
        var result = CommandTextParser.Parse(CommandRegistrations.Catalog(), "/help " + new string('x', 5000), Channel, User);
        Assert.Contains("too long", CommandMessages.Describe(result.Error!));
    }
}
