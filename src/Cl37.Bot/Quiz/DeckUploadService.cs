using System.Security.Cryptography;
using Cl37.Bot.Chat;
using Cl37.Bot.Content;
using Cl37.Bot.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Cl37.Bot.Quiz;

/// <summary>Decks an admin adds from a chat. Adding reads the file (no more than the size limit)
/// with the content folder's parsers and keeps it pending with a preview; confirming puts it in
/// service for the group (a new deck, or a new version of one, after which a regrade finds the
/// questions whose grading changed); removing takes it out of service and keeps every answer. A
/// person has at most one pending upload: a new one takes the place of the last.</summary>
public sealed class DeckUploadService(
    IDbContextFactory<BotDbContext> factory,
    DeckLibrary decks,
    UploadedDeckSync sync,
    IOptions<DeckUploadOptions> options,
    TimeProvider time,
    ILogger<DeckUploadService> logger)
{
    /// <param name="groupId">The group the file was sent in; null for a chat that belongs to no group (a Teams 1:1 chat).</param>
    /// <param name="name">The deck's name as the admin gave it; null takes it from the file's name.</param>
    public async Task<DeckUploadResult> AddAsync(long? groupId, string platform, ChatUser user, IncomingFile file, string? name, CancellationToken cancellationToken)
    {
        var limits = options.Value;
        if (file.DeclaredBytes > limits.MaxFileBytes)
            return new DeckUploadResult.TooLarge(file.Name, file.DeclaredBytes, limits.MaxFileBytes);
        var deckName = UploadedDeckFile.Normalize(string.IsNullOrWhiteSpace(name) ? UploadedDeckFile.NameOf(file.Name) : name);
        if (!UploadedDeckFile.IsValidName(deckName))
            return new DeckUploadResult.BadName(name ?? file.Name);
        if (decks.FindDeck(deckName) is not null)
            return new DeckUploadResult.FolderDeckName(deckName);

        var read = await file.ReadAsync(limits.MaxFileBytes, cancellationToken);
        switch (read.Status)
        {
            case IncomingFileStatus.TooLarge:
                return new DeckUploadResult.TooLarge(file.Name, null, limits.MaxFileBytes);
            case IncomingFileStatus.Unavailable:
                return new DeckUploadResult.Unavailable(file.Name);
        }
        var bytes = read.Bytes;
        var format = UploadedDeckFile.FormatOf(file.Name, bytes);
        var parsed = UploadedDeckFile.Parse(groupId ?? 0, deckName, file.Name, format, bytes);
        if (parsed.Deck is not { } deck || parsed.Errors.Count > 0)
            return new DeckUploadResult.Malformed(file.Name, format, parsed.Errors);

        var hash = Convert.ToHexStringLower(SHA256.HashData(bytes));
        DeckReplacement? replaces = null;
        if (groupId is { } group)
        {
            var current = decks.UploadsOf(group).FirstOrDefault(d => d.Id == deckName);
            if (current is not null)
            {
                if (await InServiceHashAsync(group, deckName, cancellationToken) == hash)
                    return new DeckUploadResult.SameAsInService(deckName, current.Upload!.Version);
                replaces = Compare(current, deck);
            }
            else if (decks.UploadsOf(group).Count >= limits.MaxDecksPerGroup)
            {
                return new DeckUploadResult.TooMany(limits.MaxDecksPerGroup);
            }
        }

        var now = time.GetUtcNow().UtcDateTime;
        await using (var db = await factory.CreateDbContextAsync(cancellationToken))
        {
            await DiscardPendingAsync(db, platform, user.Id, now, cancellationToken);
            db.UploadedDecks.Add(new UploadedDeck
            {
                GroupId = groupId,
                Platform = platform,
                UploadedBy = user.Id,
                Name = deckName,
                Format = UploadedDeckFile.FormatName(format),
                FileName = Shorten(Path.GetFileName(file.Name.Replace('\\', '/'))),
                Content = bytes,
                Sha256 = hash,
                State = DeckUploadState.Pending,
                CreatedUtc = now,
                ChangedUtc = now,
            });
            await db.SaveChangesAsync(cancellationToken);
        }
        var summary = Summary(deck, groupId ?? 0, 0, file.Name, format, now, parsed.Skipped);
        return new DeckUploadResult.Previewed(summary, format, replaces, groupId is null, limits.PendingFor);
    }

    /// <summary>Puts the person's latest pending upload (of that name, when given) in service for the group.</summary>
    public async Task<DeckUploadResult> ConfirmAsync(ChannelInfo channel, ChatUser user, string? name, CancellationToken cancellationToken)
    {
        var limits = options.Value;
        var now = time.GetUtcNow().UtcDateTime;
        var since = now - limits.PendingFor;
        var group = channel.GroupId;
        var wanted = string.IsNullOrWhiteSpace(name) ? null : UploadedDeckFile.Normalize(name);
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var pending = await db.UploadedDecks
            .Where(d => d.Platform == channel.Channel.Platform && d.UploadedBy == user.Id && d.State == DeckUploadState.Pending
                        && d.CreatedUtc >= since && (d.GroupId == null || d.GroupId == group) && (wanted == null || d.Name == wanted))
            .OrderByDescending(d => d.Id).FirstOrDefaultAsync(cancellationToken);
        if (pending is null)
            return new DeckUploadResult.NothingPending(wanted, limits.PendingFor);
        if (decks.FindDeck(pending.Name) is not null)
            return new DeckUploadResult.FolderDeckName(pending.Name);

        var format = DeckWriter.ParseFormat(pending.Format) ?? DeckFormat.Markdown;
        var parsed = UploadedDeckFile.Parse(group, pending.Name, pending.FileName, format, pending.Content);
        if (parsed.Deck is not { } deck || parsed.Errors.Count > 0)
            return new DeckUploadResult.Malformed(pending.FileName, format, parsed.Errors);

        await using var tx = await db.Database.BeginTransactionAsync(cancellationToken);
        var current = await db.UploadedDecks
            .FirstOrDefaultAsync(d => d.GroupId == group && d.Name == pending.Name && d.State == DeckUploadState.InService, cancellationToken);
        DeckReplacement? replaced = null;
        if (current is null)
        {
            var inService = await db.UploadedDecks.CountAsync(d => d.GroupId == group && d.State == DeckUploadState.InService, cancellationToken);
            if (inService >= limits.MaxDecksPerGroup)
                return new DeckUploadResult.TooMany(limits.MaxDecksPerGroup);
        }
        else
        {
            var old = decks.UploadsOf(group).FirstOrDefault(d => d.Upload!.Version == current.Version && d.Id == current.Name);
            replaced = old is null
                ? new DeckReplacement(current.Name, current.Version, 0, 0, deck.Questions.Count, 0)
                : Compare(old, deck);
            current.State = DeckUploadState.Replaced;
            current.ChangedUtc = now;
            // Out of service first: one version of a name in service is what the index allows.
            await db.SaveChangesAsync(cancellationToken);
        }
        pending.GroupId = group;
        pending.Version = (current?.Version ?? 0) + 1;
        pending.State = DeckUploadState.InService;
        pending.ChangedUtc = now;
        await db.SaveChangesAsync(cancellationToken);
        await tx.CommitAsync(cancellationToken);
        logger.LogInformation("Deck {DeckId} v{Version} put in service for group {GroupId} by {Platform}:{User}",
            pending.Name, pending.Version, group, pending.Platform, user.Id);
        await sync.RefreshAsync(cancellationToken);
        var summary = Summary(deck, group, pending.Version, pending.FileName, format, now, parsed.Skipped);
        return new DeckUploadResult.Confirmed(summary, replaced);
    }

    /// <summary>Takes the group's uploaded deck out of service; the answers to its questions stay.</summary>
    public async Task<DeckUploadResult> RemoveAsync(ChannelInfo channel, string name, CancellationToken cancellationToken)
    {
        var group = channel.GroupId;
        var deckName = UploadedDeckFile.Normalize(name);
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        var row = await db.UploadedDecks
            .FirstOrDefaultAsync(d => d.GroupId == group && d.Name == deckName && d.State == DeckUploadState.InService, cancellationToken);
        if (row is null)
        {
            var uploaded = await db.UploadedDecks.Where(d => d.GroupId == group && d.State == DeckUploadState.InService)
                .OrderBy(d => d.Name).Select(d => d.Name).ToListAsync(cancellationToken);
            return new DeckUploadResult.NotUploaded(name, decks.FindDeck(deckName) is not null, uploaded);
        }
        row.State = DeckUploadState.Removed;
        row.ChangedUtc = time.GetUtcNow().UtcDateTime;
        await db.SaveChangesAsync(cancellationToken);

        var prefix = QuestionIds.Uploaded(group, deckName, "");
        var answers = await db.Answers.CountAsync(a => a.GroupId == group && a.QuestionId.StartsWith(prefix), cancellationToken);
        var schedules = await db.Schedules
            .CountAsync(s => s.Enabled && s.DeckId == deckName && db.Channels.Any(c => c.Id == s.ChannelId && c.GroupId == group), cancellationToken);
        var questions = decks.UploadsOf(group).FirstOrDefault(d => d.Id == deckName)?.Questions.Count ?? 0;
        logger.LogInformation("Deck {DeckId} v{Version} of group {GroupId} taken out of service; {Answers} answers kept", deckName, row.Version, group, answers);
        await sync.RefreshAsync(cancellationToken);
        return new DeckUploadResult.Removed(deckName, row.Version, questions, answers, schedules);
    }

    /// <summary>What a new version changes against the one in service, question by question (ids are stable).</summary>
    internal static DeckReplacement Compare(Deck current, Deck next)
    {
        var before = current.Questions.ToDictionary(q => QuestionIds.Local(q), StringComparer.Ordinal);
        var after = next.Questions.ToDictionary(q => QuestionIds.Local(q), StringComparer.Ordinal);
        var changed = after.Count(a => before.TryGetValue(a.Key, out var old) && QuestionVersion.Of(old) != QuestionVersion.Of(a.Value));
        var added = after.Keys.Count(k => !before.ContainsKey(k));
        var dropped = before.Keys.Count(k => !after.ContainsKey(k));
        return new DeckReplacement(current.Id, current.Upload?.Version ?? 0, current.Questions.Count, changed, added, dropped);
    }

    private static DeckSummary Summary(Deck deck, long groupId, int version, string fileName, DeckFormat format, DateTime now, IReadOnlyList<DeckError> skipped) =>
        DeckSummary.Of(deck with
        {
            Upload = new DeckUpload(groupId, version, Path.GetFileName(fileName.Replace('\\', '/')), format, now, [.. skipped.Select(SkippedQuestion.From)]),
        }, [], []);

    private async Task<string?> InServiceHashAsync(long group, string name, CancellationToken cancellationToken)
    {
        await using var db = await factory.CreateDbContextAsync(cancellationToken);
        return await db.UploadedDecks.Where(d => d.GroupId == group && d.Name == name && d.State == DeckUploadState.InService)
            .Select(d => d.Sha256).FirstOrDefaultAsync(cancellationToken);
    }

    /// <summary>The person's earlier pending uploads give way to the new one; their bytes are not kept.</summary>
    private static Task<int> DiscardPendingAsync(BotDbContext db, string platform, string userId, DateTime now, CancellationToken cancellationToken) =>
        db.UploadedDecks.Where(d => d.Platform == platform && d.UploadedBy == userId && d.State == DeckUploadState.Pending)
            .ExecuteUpdateAsync(u => u.SetProperty(d => d.State, DeckUploadState.Discarded).SetProperty(d => d.ChangedUtc, now)
                .SetProperty(d => d.Content, Array.Empty<byte>()), cancellationToken);

    private static string Shorten(string fileName) => fileName.Length <= 200 ? fileName : fileName[..200];
}
