using System.Globalization;
using Cl37.Bot.Chat;
using Cl37.Bot.Content;
using Cl37.Bot.Data;
using Cl37.Bot.Messages;
using Cl37.Bot.Posts;
using Cl37.Bot.Quiz;
using Cl37.Bot.Quiz.Analysis;
using Cl37.Bot.Scheduling;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Cl37.Bot.Commands;

/// <summary>/quiz now | practice | answer | reveal | schedule set|show|off | exam set|show|off | settings | analysis | regrade | deck export | decks.</summary>
public sealed class QuizCommand(
    ChannelDirectory channels,
    QuestionPoster poster,
    RevealPoster reveals,
    PracticeService practice,
    ExamService exams,
    ScheduleService schedules,
    PostCache posts,
    ItemAnalysisService analysis,
    AnswerLookup lookup,
    AnswerService answers,
    RegradeHandler regrade,
    DeckUploadHandler deckUploads,
    DeckLibrary decks,
    IDbContextFactory<BotDbContext> factory,
    IOptions<QuizOptions> options,
    TimeProvider time) : ICommandHandler
{
    public static CommandDefinition Definition { get; } = new("quiz", "Quiz questions: post one now, practise privately, manage the daily schedule",
    [
        new("now", "Post the next question in this channel now",
        [
            new("deck", "Deck to draw from (default: the channel's)", OptionKind.Text, MaxLength: 64),
            new("force", "Close the open daily question early (admins)", OptionKind.Boolean, AdminOnlyValue: "true"),
        ], Access: CommandAccess.AdminUnless(GroupPermission.EveryoneCanPost), Example: "/quiz now"),
        new("practice", "A private question for you from your own memory model (not scored)", [], Example: "/quiz practice"),
        new("answer", "Type your answer to the open number or fill-in question here (no answer box needed)",
        [
            new("text", "Your answer: a number (42) or the missing word", OptionKind.Rest, Required: true, MaxLength: AnswerCodec.MaxValueLength),
        ], Example: "/quiz answer text:42", AnswersTypedQuestion: true),
        new("reveal", "Close the open question in this channel now and post the reveal", [], Access: CommandAccess.Admin, Example: "/quiz reveal"),
        new("schedule set", "Post questions every day at local times",
        [
            new("time", "Local times of day, 24-hour (09:00, or 09:00,13:00,18:00)", OptionKind.Text, Required: true, MaxLength: 40),
            new("zone", "IANA time zone (Europe/Berlin); default from settings", OptionKind.Text, MaxLength: 64),
            new("days", "Weekdays: mon-fri, daily, or a list like mon,wed,fri", OptionKind.Text, MaxLength: 40),
            new("window", "Hours the answers stay open (default: until 1 hour before the next post)", OptionKind.Number, MinValue: 0.25, MaxValue: 167),
            new("results", "Show right/wrong at once or only at the reveal", OptionKind.Text, Choices: ["immediate", "reveal"]),
            new("deck", "Deck to draw from (default: all decks)", OptionKind.Text, MaxLength: 64),
        ], Access: CommandAccess.Admin, Example: "/quiz schedule set time:09:00 zone:Europe/Berlin days:mon-fri"),
        new("schedule show", "Show this channel's schedule", [], Example: "/quiz schedule show"),
        new("exam set", "Set the group's exam date: cover the deck before it, then drill what would be forgotten",
        [
            new("date", "The exam's date, yyyy-MM-dd", OptionKind.Text, Required: true, MaxLength: 10),
            new("deck", "Deck the exam covers (default: the channel's)", OptionKind.Text, MaxLength: 64),
        ], Access: CommandAccess.Admin, Example: "/quiz exam set date:2027-01-20"),
        new("exam show", "The group's readiness for its exam: coverage, predicted average, weakest topics", [], Example: "/quiz exam show"),
        new("exam off", "Switch the exam date off", [], Access: CommandAccess.Admin, Example: "/quiz exam off"),
        new("schedule off", "Stop the daily question in this channel", [], Access: CommandAccess.Admin, Example: "/quiz schedule off"),
        new("analysis", "Item analysis for deck authors: facility, discrimination, distractors",
        [
            new("deck", "Deck to analyse (default: every deck asked here)", OptionKind.Text, MaxLength: 64),
            new("format", "table, or csv to export", OptionKind.Text, Choices: ["table", "csv"]),
        ], Access: CommandAccess.Admin, Example: "/quiz analysis"),
        RegradeHandler.Definition,
        new("deck export", "A deck as a GIFT, Moodle XML or Markdown file for Moodle and other quiz tools",
        [
            new("deck", "Deck to export (default: the only deck)", OptionKind.Text, MaxLength: 64),
            new("format", "gift, moodle-xml or markdown (default: gift)", OptionKind.Text, Choices: ["gift", "moodle-xml", "markdown"]),
        ], Access: CommandAccess.Admin, Example: "/quiz deck export deck:cl37-model-deployment format:gift"),
        DeckUploadHandler.Add,
        DeckUploadHandler.Confirm,
        DeckUploadHandler.Remove,
        new("decks", "Every deck this group can use: questions by kind, problems in the files, skipped types", [], Example: "/quiz decks"),
        new("settings", "Group settings: bonuses, who may post, hidden results",
        [
            new("streak_bonus", "Award a streak bonus", OptionKind.Boolean),
            new("speed_bonus", "Award a speed bonus", OptionKind.Boolean),
            new("everyone_can_post", "Let everyone use /quiz now", OptionKind.Boolean),
            new("hide_results", "Hide right/wrong until the reveal", OptionKind.Boolean),
        ], Access: CommandAccess.Admin, Example: "/quiz settings streak_bonus:true"),
    ], []);

    CommandDefinition ICommandHandler.Definition => Definition;

    private static readonly string ForceNow = CommandUsage.Invocation(Definition, "now", ("force", "true"));

    /// <summary>What an admin types to let everyone post.</summary>
    public static string AllowEveryoneToPost { get; } = CommandUsage.Invocation(Definition, "settings", ("everyone_can_post", "true"));

    public async Task<OutgoingMessage> HandleAsync(ChatCommand command, CancellationToken cancellationToken)
    {
        var channel = await channels.EnsureAsync(command.Channel, cancellationToken);
        switch (command.SubCommand)
        {
            case "now":
                // A new post reveals the open one, so an open daily question would close early: only an admin's explicit force does that.
                if (await OpenDailyClosesAsync(channel, cancellationToken) is { } closes)
                {
                    if (!command.ByAdmin)
                        return OutgoingMessage.PrivateText($"Today's question is still open until {closes}; a new one would close it early. Only an admin can do that, with `{ForceNow}`.");
                    if (ArgumentValidator.Bool(command, "force") != true)
                        return OutgoingMessage.PrivateText($"Today's question is still open until {closes}; a new one would close it early and post its reveal. To do that, use `{ForceNow}`.");
                }
                var result = await poster.PostNextAsync(channel, null, 0, null, command.Arg("deck"), false, cancellationToken);
                return PostMessages.Reply(result);
            case "practice":
                return PracticeMessages.Reply(await practice.NextAsync(channel, command.User, cancellationToken));
            case "answer":
                return await TypedAnswerAsync(channel, command, cancellationToken);
            case "reveal":
                return PostMessages.Revealed(await reveals.RevealOpenInChannelAsync(channel.ChannelId, cancellationToken));
            case "schedule set":
                var request = ScheduleArguments.Parse(command, options.Value.DefaultTimeZone, out var invalid);
                return request is null
                    ? OutgoingMessage.PrivateText(invalid!)
                    : ScheduleMessages.Set(await schedules.SetAsync(channel, request, cancellationToken));
            case "schedule show":
                return ScheduleMessages.Show(await schedules.ShowAsync(channel, cancellationToken), CommandUsage.Example(Definition, Definition.FindSubCommand("schedule set")));
            case "schedule off":
                return ScheduleMessages.Off(await schedules.OffAsync(channel, cancellationToken));
            case "exam set":
                if (!DateOnly.TryParseExact(command.Arg("date"), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var examDate))
                    return ExamMessages.BadDate(command.Arg("date"));
                return ExamMessages.Set(await exams.SetAsync(channel, examDate, command.Arg("deck"), cancellationToken));
            case "exam show":
                return ExamMessages.Show(await exams.ShowAsync(channel, cancellationToken));
            case "exam off":
                return ExamMessages.Off(await exams.OffAsync(channel, cancellationToken));
            case "settings":
                return await SettingsAsync(channel, command, cancellationToken);
            case "analysis":
                var report = await analysis.AnalyseAsync(channel.GroupId, command.Arg("deck"), cancellationToken);
                return ItemAnalysisMessages.Reply(report, string.Equals(command.Arg("format"), "csv", StringComparison.OrdinalIgnoreCase));
            case "deck export":
                return ExportDeck(decks.For(channel.GroupId), command);
            case "deck add":
                return await deckUploads.AddAsync(Definition, command, cancellationToken);
            case "deck confirm":
                return await deckUploads.ConfirmAsync(Definition, command, cancellationToken);
            case "deck remove":
                return await deckUploads.RemoveAsync(Definition, command, cancellationToken);
            case "decks":
                return DeckListMessages.Reply(DeckListing.Of(decks.For(channel.GroupId)));
            case "regrade":
                return await regrade.HandleAsync(Definition, channel, command, cancellationToken);
            default:
                return OutgoingMessage.PrivateText("Usage:\n" + CommandUsage.Of(Definition));
        }
    }

    private static OutgoingMessage ExportDeck(DeckLibrary decks, ChatCommand command)
    {
        var formatName = command.Arg("format");
        if (DeckWriter.ParseFormat(formatName ?? "gift") is not { } format)
            return DeckExportMessages.UnknownFormat(formatName!);
        var deckId = command.Arg("deck");
        Deck? deck;
        if (deckId is null)
        {
            if (decks.Decks.Count != 1)
                return DeckExportMessages.NameTheDeck(decks.Decks);
            deck = decks.Decks[0];
        }
        else if ((deck = decks.FindDeck(deckId)) is null)
        {
            return DeckExportMessages.Unknown(deckId, decks.Decks);
        }
        return DeckExportMessages.Reply(deck, format, DeckWriter.Write(deck, format));
    }

    private async Task<OutgoingMessage> SettingsAsync(ChannelInfo channel, ChatCommand command, CancellationToken cancellationToken)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var group = await db.Groups.FirstAsync(g => g.Id == channel.GroupId, cancellationToken);
        group.StreakBonus = ArgumentValidator.Bool(command, "streak_bonus") ?? group.StreakBonus;
        group.SpeedBonus = ArgumentValidator.Bool(command, "speed_bonus") ?? group.SpeedBonus;
        group.EveryoneCanPost = ArgumentValidator.Bool(command, "everyone_can_post") ?? group.EveryoneCanPost;
        group.HideResults = ArgumentValidator.Bool(command, "hide_results") ?? group.HideResults;
        await db.SaveChangesAsync(cancellationToken);
        posts.InvalidateGroup(group.Id);
        return OutgoingMessage.PrivateText(
            $"Settings: streak bonus {OnOff(group.StreakBonus)}, speed bonus {OnOff(group.SpeedBonus)}, everyone can post {OnOff(group.EveryoneCanPost)}, {(group.HideResults ? "results hidden until the reveal" : "results shown as soon as someone answers")}.");
    }

    private async Task<OutgoingMessage> TypedAnswerAsync(ChannelInfo channel, ChatCommand command, CancellationToken cancellationToken)
    {
        var target = await lookup.TypedAnswerTargetAsync(channel, command.User.Id, cancellationToken);
        if (target is not TypedAnswerTarget.Post post)
            return AnswerReplies.NoTypedQuestion(target);
        var text = command.Arg("text")!.Trim();
        return AnswerReplies.For(await answers.AnswerAsync(command.Channel, command.User, post.PostId, [text], cancellationToken));
    }

    /// <summary>When the channel's open daily question closes, in its schedule's zone, or null when none is open.</summary>
    private async Task<string?> OpenDailyClosesAsync(ChannelInfo channel, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow().UtcDateTime;
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var closes = await db.Posts.AsNoTracking()
            .Where(p => p.ChannelId == channel.ChannelId && p.PracticePersonId == null && p.ScheduledDate != null
                        && p.RevealedUtc == null && p.ClosesUtc != null && p.ClosesUtc > now)
            .OrderByDescending(p => p.Id).Select(p => p.ClosesUtc).FirstOrDefaultAsync(cancellationToken);
        if (closes is not { } utc)
            return null;
        var zoneName = await db.Schedules.AsNoTracking().Where(s => s.ChannelId == channel.ChannelId).Select(s => s.TimeZone).FirstOrDefaultAsync(cancellationToken);
        var zone = TimeZones.FindOrUtc(zoneName ?? channel.TimeZone);
        var local = TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc), zone);
        return local.ToString("ddd HH:mm", CultureInfo.InvariantCulture) + $" ({zone.Id})";
    }

    private static string OnOff(bool value) => value ? "on" : "off";
}
