using System.Globalization;
using System.Net.Http.Headers;
using System.Text.Json;
using System.Text.Json.Nodes;
using Cl37.Bot.Chat;
using Cl37.Bot.Platforms.Teams.Wire;

namespace Cl37.Bot.Platforms.Teams.Outgoing;

/// <summary>The Teams bot file flow of a personal chat (Microsoft Learn, "Send and receive files
/// using bot", Teams bot APIs): the bot sends a FileConsentCard; the person's Allow comes back as a
/// <c>fileConsent/invoke</c> with an <c>uploadInfo</c>; the bot PUTs the bytes to its
/// <c>uploadUrl</c> and then sends a FileInfoCard pointing at the uploaded file.</summary>
internal sealed class TeamsFileUpload(
    TeamsFileOffers offers,
    TeamsConnectorClient connector,
    IHttpClientFactory http,
    IChatWording wording,
    ILogger<TeamsFileUpload> logger)
{
    public const string HttpClientName = "teams-file-upload";
    public const string InvokeName = "fileConsent/invoke";
    public const string ConsentContentType = "application/vnd.microsoft.teams.card.file.consent";
    public const string InfoContentType = "application/vnd.microsoft.teams.card.file.info";
    private const string OfferKey = "offer";

    /// <summary>One FileConsentCard per file, offered to <paramref name="userId"/>.</summary>
    public List<Attachment> ConsentCards(IReadOnlyList<FileAttachment> files, string userId) =>
    [
        .. files.Select(file =>
        {
            var id = offers.Add(file, userId);
            return new Attachment
            {
                ContentType = ConsentContentType,
                Name = file.FileName,
                Content = new JsonObject
                {
                    ["description"] = $"{file.FileName} ({file.MediaType})",
                    ["sizeInBytes"] = file.Content.LongLength,
                    ["acceptContext"] = new JsonObject { [OfferKey] = id },
                    ["declineContext"] = new JsonObject { [OfferKey] = id },
                },
            };
        }),
    ];

    /// <summary>Answers a <c>fileConsent/invoke</c>: uploads an accepted file and shows it with a
    /// FileInfoCard, or says why it cannot. The invoke itself is answered with 200 either way.</summary>
    public async Task HandleAsync(Activity invoke, CancellationToken cancellationToken)
    {
        if (invoke.ServiceUrl is not { } serviceUrl || invoke.Conversation?.Id is not { } conversationId || invoke.From?.Id is not { } userId
            || invoke.Value is not { ValueKind: JsonValueKind.Object } value)
            return;
        var action = Text(value, "action");
        var offerId = value.TryGetProperty("context", out var context) && context.ValueKind == JsonValueKind.Object ? Text(context, OfferKey) : null;
        var file = offerId is null ? null : offers.Take(offerId, userId);
        if (!string.Equals(action, "accept", StringComparison.OrdinalIgnoreCase))
            return;
        string reply;
        if (file is null)
        {
            reply = wording.Say(new ChatNotice.FileExpired());
        }
        else if (!value.TryGetProperty("uploadInfo", out var info) || info.ValueKind != JsonValueKind.Object
            || Text(info, "uploadUrl") is not { } uploadUrl || !Uri.TryCreate(uploadUrl, UriKind.Absolute, out var uploadUri)
            || !(uploadUri.Scheme == Uri.UriSchemeHttps || uploadUri.IsLoopback))
        {
            reply = wording.Say(new ChatNotice.FileUploadFailed(file.FileName, null));
        }
        else
        {
            try
            {
                await UploadAsync(uploadUri, file, cancellationToken);
                var card = new Attachment
                {
                    ContentType = InfoContentType,
                    Name = Text(info, "name") ?? file.FileName,
                    ContentUrl = Text(info, "contentUrl"),
                    Content = new JsonObject { ["uniqueId"] = Text(info, "uniqueId"), ["fileType"] = Text(info, "fileType") },
                };
                await connector.SendAsync(serviceUrl, conversationId, Message(conversationId, invoke, null, [card]), cancellationToken);
                return;
            }
            catch (HttpRequestException ex)
            {
                logger.LogWarning("Uploading {File} to Teams failed: {Error}", file.FileName, ex.Message);
                reply = wording.Say(new ChatNotice.FileUploadFailed(file.FileName, ex.Message));
            }
        }
        try
        {
            await connector.SendAsync(serviceUrl, conversationId, Message(conversationId, invoke, reply, null), cancellationToken);
        }
        catch (Exception ex) when (ex is TeamsConnectorException or HttpRequestException)
        {
            logger.LogWarning("Could not tell {User} about the file: {Error}", userId, ex.Message);
        }
    }

    // The whole file in one PUT, its range stated as the upload session expects.
    private async Task UploadAsync(Uri uploadUrl, FileAttachment file, CancellationToken cancellationToken)
    {
        using var content = new ByteArrayContent(file.Content);
        content.Headers.ContentRange = new ContentRangeHeaderValue(0, Math.Max(0, file.Content.LongLength - 1), file.Content.LongLength);
        content.Headers.ContentLength = file.Content.LongLength;
        using var request = new HttpRequestMessage(HttpMethod.Put, uploadUrl) { Content = content };
        using var response = await http.CreateClient(HttpClientName).SendAsync(request, cancellationToken);
        if (!response.IsSuccessStatusCode)
            throw new HttpRequestException(string.Create(CultureInfo.InvariantCulture, $"the upload was answered {(int)response.StatusCode}"));
    }

    private static Activity Message(string conversationId, Activity invoke, string? text, List<Attachment>? attachments) => new()
    {
        Type = "message",
        From = invoke.Recipient is null ? null : new ChannelAccount { Id = invoke.Recipient.Id, Name = invoke.Recipient.Name },
        Conversation = new ConversationAccount { Id = conversationId },
        Text = text,
        TextFormat = text is null ? null : "markdown",
        Attachments = attachments,
    };

    private static string? Text(JsonElement element, string name) =>
        element.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;
}
