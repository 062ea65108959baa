using System.Globalization;
using System.Text;
using Cl37.Bot.Chat;
using Cl37.Bot.Content;
using Cl37.Bot.Quiz;

namespace Cl37.Bot.Messages;

/// <summary>Words <c>/quiz deck add</c>, <c>confirm</c> and <c>remove</c> for the admin: the preview
/// with what confirming does, the deck in service, the removal, and each refusal, which always says
/// that nothing was stored.</summary>
public static class DeckUploadMessages
{
    /// <summary>Problems of a malformed file listed one by one; the rest are counted.</summary>
    public const int MaxProblems = 5;

    private const string NothingStored = "Nothing was stored.";

    public static OutgoingMessage Reply(DeckUploadResult result, DeckUploadCommands commands) => OutgoingMessage.PrivateText(result switch
    {
        DeckUploadResult.TooLarge t => t.Bytes is { } bytes
            ? $"`{Name(t.FileName)}` is {Size(bytes)}; a deck sent in a chat may be at most {Size(t.Limit)}. Split it into several decks, or put it in the server's content folder. {NothingStored}"
            : $"`{Name(t.FileName)}` is larger than {Size(t.Limit)}, the most a deck sent in a chat may be. Split it into several decks, or put it in the server's content folder. {NothingStored}",
        DeckUploadResult.Unavailable u => $"The file `{Name(u.FileName)}` could not be downloaded (its link may have expired); send it again. {NothingStored}",
        DeckUploadResult.BadName b => $"`{Name(b.Name)}` cannot name a deck: use up to {UploadedDeckFile.MaxNameLength} letters, digits, `-`, `_` or `.`, for example `name:bio-week-3`. {NothingStored}",
        DeckUploadResult.FolderDeckName f => $"The server's content folder already has a deck named `{f.Name}`; send the file again with another name, for example `name:{f.Name}-2`. {NothingStored}",
        DeckUploadResult.TooMany m => $"This group already has {m.Limit} uploaded decks, as many as it may. Remove one first with `{commands.Remove}` (`{commands.Decks}` lists them). {NothingStored}",
        DeckUploadResult.Malformed m => Malformed(m),
        DeckUploadResult.SameAsInService s => $"Version {s.Version} of **{s.Name}**, in service now, is this very file: nothing to change.",
        DeckUploadResult.Previewed p => Preview(p, commands),
        DeckUploadResult.NothingPending n =>
            $"You have no deck waiting to be confirmed{(n.Name is null ? "" : $" under the name `{Name(n.Name)}`")} (an upload waits {Duration(n.ConfirmWithin)}). Send the file first with `{commands.Add}`.",
        DeckUploadResult.Confirmed c => Confirmed(c, commands),
        DeckUploadResult.NotUploaded { IsFolderDeck: true } n =>
            $"`{Name(n.Name)}` is a deck of the server's content folder, not one sent in a chat: it goes when its file is deleted there. Nothing was changed.",
        DeckUploadResult.NotUploaded n => n.Uploaded.Count == 0
            ? $"This group has no uploaded deck `{Name(n.Name)}`; it has no uploaded decks at all. Nothing was changed."
            : $"This group has no uploaded deck `{Name(n.Name)}`. Its uploaded decks: {string.Join(", ", n.Uploaded)}. Nothing was changed.",
        DeckUploadResult.Removed r => Removed(r, commands),
        _ => throw new ArgumentOutOfRangeException(nameof(result), result.GetType().Name, null),
    });

    private static string Preview(DeckUploadResult.Previewed p, DeckUploadCommands commands)
    {
        var deck = p.Deck;
        var text = new StringBuilder()
            .Append(CultureInfo.InvariantCulture, $"**Deck preview: {deck.Id}** (`{Name(deck.Upload!.FileName)}`, {FormatName(p.Format)})\n")
            .Append(DeckListMessages.Counts(deck)).Append('\n');
        if (p.NeedsGroup)
        {
            text.Append(CultureInfo.InvariantCulture,
                $"This chat belongs to no team, so the deck is not in service anywhere yet. To add it to a team, type `{commands.Confirm}` in a channel of that team within {Duration(p.ConfirmWithin)} (as an admin there); if the team already has a deck **{deck.Id}**, it becomes that deck's next version.");
        }
        else if (p.Replaces is { } r)
        {
            text.Append(CultureInfo.InvariantCulture, $"Confirming replaces version {r.Version} of **{r.Name}** ({Count(r.Questions, "question")}) with version {r.NextVersion}: {Changes(r)}.");
            text.Append(r.RegradeDue
                ? $" Then run `{commands.Regrade(r.Name)}` to regrade the answers given under the old version."
                : " No question is graded differently, so no regrade is needed.");
            text.Append(CultureInfo.InvariantCulture, $"\nConfirm within {Duration(p.ConfirmWithin)} with `{commands.Confirm}`.");
        }
        else
        {
            text.Append(CultureInfo.InvariantCulture, $"Confirming adds **{deck.Id}** to this group as a new deck (version 1). Confirm within {Duration(p.ConfirmWithin)} with `{commands.Confirm}`.");
        }
        return text.ToString();
    }

    private static string Confirmed(DeckUploadResult.Confirmed c, DeckUploadCommands commands)
    {
        var deck = c.Deck;
        var version = deck.Upload!.Version;
        if (c.Replaced is not { } r)
        {
            return $"✅ Deck **{deck.Id}** is in service for this group (version {version}): {DeckListMessages.Counts(deck)}.\n"
                + $"`{commands.PostFrom(deck.Id)}` posts one of its questions; `{commands.Decks}` lists every deck.";
        }
        var text = $"✅ Deck **{deck.Id}** version {version} is in service for this group in place of version {r.Version}: {DeckListMessages.Counts(deck)}.\n"
            + $"Against version {r.Version}: {Changes(r)}; every stored answer stays.";
        return text + (r.RegradeDue
            ? $" Run `{commands.Regrade(deck.Id)}` to see whose answers now grade differently, then apply it with `confirm:true`."
            : " No question is graded differently, so no regrade is needed.");
    }

    private static string Removed(DeckUploadResult.Removed r, DeckUploadCommands commands)
    {
        var text = new StringBuilder(string.Create(CultureInfo.InvariantCulture, $"Deck **{r.Name}** (version {r.Version}, {Count(r.Questions, "question")}) is out of service for this group. "));
        text.Append(r.Answers == 0
            ? "Nobody had answered its questions yet."
            : $"Its {Count(r.Answers, "stored answer")} {(r.Answers == 1 ? "stays" : "stay")}: scores, leaderboards and /stats keep {(r.Answers == 1 ? "it" : "them")}.");
        if (r.Schedules > 0)
        {
            text.Append(CultureInfo.InvariantCulture,
                $"\nThe schedule of {Count(r.Schedules, "channel")} draws from this deck and finds no questions until it is set again with `{commands.ScheduleSet}`.");
        }
        return text.ToString();
    }

    private static string Malformed(DeckUploadResult.Malformed m)
    {
        var text = new StringBuilder($"`{Name(m.FileName)}` cannot be added as a {FormatName(m.Format)} deck: {Count(m.Problems.Count, "problem")} to fix. {NothingStored}");
        foreach (var problem in m.Problems.Take(MaxProblems))
        {
            text.Append("\n- ");
            if (problem.Line > 0)
                text.Append(CultureInfo.InvariantCulture, $"line {problem.Line}: ");
            text.Append(problem.Message);
        }
        if (m.Problems.Count > MaxProblems)
            text.Append(CultureInfo.InvariantCulture, $"\n- …and {Count(m.Problems.Count - MaxProblems, "more problem")}.");
        return text.ToString();
    }

    private static string Changes(DeckReplacement r)
    {
        var parts = new List<string>
        {
            r.Changed == 1 ? "1 question graded differently" : $"{r.Changed} questions graded differently",
        };
        if (r.Added > 0)
            parts.Add($"{r.Added} added");
        if (r.Dropped > 0)
            parts.Add($"{r.Dropped} left out");
        return string.Join(", ", parts);
    }

    /// <summary>How an uploaded deck shows in <c>/quiz decks</c>: <c>uploaded, version 2 of `bio.md`</c>.</summary>
    public static string Source(DeckUpload upload) =>
        string.Create(CultureInfo.InvariantCulture, $"uploaded, version {upload.Version} of `{Name(upload.FileName)}`");

    private static string FormatName(DeckFormat format) => format switch
    {
        DeckFormat.Gift => "GIFT",
        DeckFormat.MoodleXml => "Moodle XML",
        _ => "Markdown",
    };

    /// <summary>A size as people read it: <c>740 KiB</c>, <c>2.3 MiB</c>, <c>1 MiB</c>.</summary>
    public static string Size(long bytes) => bytes switch
    {
        < 1_024 => string.Create(CultureInfo.InvariantCulture, $"{bytes} bytes"),
        < 1_048_576 => string.Create(CultureInfo.InvariantCulture, $"{bytes / 1_024.0:0.#} KiB"),
        _ => string.Create(CultureInfo.InvariantCulture, $"{bytes / 1_048_576.0:0.#} MiB"),
    };

    private static string Duration(TimeSpan span) => span.TotalMinutes switch
    {
        < 60 => Count((int)span.TotalMinutes, "minute"),
        _ when span.TotalMinutes % 60 == 0 => Count((int)span.TotalHours, "hour"),
        _ => Count((int)span.TotalMinutes, "minute"),
    };

    private static string Name(string text) => CommandTextParser.Shorten(text.Replace('`', '\''));

    private static string Count(int n, string one) => n == 1 ? $"1 {one}" : string.Create(CultureInfo.InvariantCulture, $"{n:#,0} {one}s");
}
