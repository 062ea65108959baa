using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Cl37.Bot.Platforms.Teams.Kernel;
using Cl37.Bot.Platforms.Teams.Wire;
using Microsoft.Extensions.Options;

namespace Cl37.Bot.Platforms.Teams.Outgoing;

/// <summary>The Bot Connector REST API (botbuilder's Conversations.cs): send, reply, update,
/// create conversation and roster look-ups. Sends wait their turn in the per-conversation queue;
/// 429, 412, 502 and 504 are retried with backoff, honouring Retry-After (rate-limit.md).</summary>
internal sealed class TeamsConnectorClient(
    IHttpClientFactory httpClientFactory,
    IBotTokenProvider tokens,
    IOptions<TeamsOptions> options,
    TeamsSendQueue queue,
    TeamsMetrics metrics,
    TeamsConnectorHealth health,
    TimeProvider time,
    Random random,
    ILogger<TeamsConnectorClient> logger)
{
    public const string HttpClientName = "teams-connector";
    internal const int MaxRetries = 3;
    internal static readonly TimeSpan MinBackoff = TimeSpan.FromSeconds(2);
    internal static readonly TimeSpan MaxBackoff = TimeSpan.FromSeconds(20);
    internal static readonly TimeSpan MaxRetryAfter = TimeSpan.FromSeconds(60);

    public async Task<string> SendAsync(string serviceUrl, string conversationId, Activity activity, CancellationToken cancellationToken)
    {
        var url = Url(serviceUrl, $"v3/conversations/{Uri.EscapeDataString(conversationId)}/activities");
        var response = await CallAsync("send", HttpMethod.Post, url, Body(activity, TeamsJsonContext.Default.Activity), conversationId, TeamsJsonContext.Default.ResourceResponse, cancellationToken);
        return response?.Id ?? throw new TeamsConnectorException("send", HttpStatusCode.OK, "no activity id in the answer");
    }

    public async Task<string> ReplyAsync(string serviceUrl, string conversationId, string replyToId, Activity activity, CancellationToken cancellationToken)
    {
        activity.ReplyToId = replyToId;
        var url = Url(serviceUrl, $"v3/conversations/{Uri.EscapeDataString(conversationId)}/activities/{Uri.EscapeDataString(replyToId)}");
        var response = await CallAsync("reply", HttpMethod.Post, url, Body(activity, TeamsJsonContext.Default.Activity), conversationId, TeamsJsonContext.Default.ResourceResponse, cancellationToken);
        return response?.Id ?? replyToId;
    }

    public async Task UpdateAsync(string serviceUrl, string conversationId, string activityId, Activity activity, CancellationToken cancellationToken)
    {
        activity.Id = activityId;
        var url = Url(serviceUrl, $"v3/conversations/{Uri.EscapeDataString(conversationId)}/activities/{Uri.EscapeDataString(activityId)}");
        await CallAsync("update", HttpMethod.Put, url, Body(activity, TeamsJsonContext.Default.Activity), conversationId, TeamsJsonContext.Default.ResourceResponse, cancellationToken);
    }

    public async Task<ConversationResourceResponse> CreateConversationAsync(string serviceUrl, ConversationParameters parameters, CancellationToken cancellationToken)
    {
        var key = parameters.ChannelData?.Channel?.Id ?? parameters.Members?.FirstOrDefault()?.Id ?? "new-conversation";
        var response = await CallAsync("create", HttpMethod.Post, Url(serviceUrl, "v3/conversations"),
            Body(parameters, TeamsJsonContext.Default.ConversationParameters), key, TeamsJsonContext.Default.ConversationResourceResponse, cancellationToken);
        return response ?? throw new TeamsConnectorException("create", HttpStatusCode.OK, "empty answer");
    }

    /// <summary>One member of a conversation or team, or null when the roster does not know them.</summary>
    public async Task<TeamsChannelAccount?> GetMemberAsync(string serviceUrl, string conversationId, string userId, CancellationToken cancellationToken)
    {
        var url = Url(serviceUrl, $"v3/conversations/{Uri.EscapeDataString(conversationId)}/members/{Uri.EscapeDataString(userId)}");
        try
        {
            return await CallAsync("member", HttpMethod.Get, url, null, null, TeamsJsonContext.Default.TeamsChannelAccount, cancellationToken);
        }
        catch (TeamsConnectorException ex) when (ex.Status == HttpStatusCode.NotFound)
        {
            return null;
        }
    }

    /// <summary>The team's details, among them its AAD group id (the id Microsoft Graph knows it by).</summary>
    public Task<TeamDetails?> GetTeamAsync(string serviceUrl, string teamId, CancellationToken cancellationToken) =>
        CallAsync("team", HttpMethod.Get, Url(serviceUrl, $"v3/teams/{Uri.EscapeDataString(teamId)}"), null, null, TeamsJsonContext.Default.TeamDetails, cancellationToken);

    internal static Uri Url(string serviceUrl, string path)
    {
        // botbuilder appends '/' to serviceUrl when it is missing and joins with exactly one slash.
        var root = serviceUrl.EndsWith('/') ? serviceUrl : serviceUrl + "/";
        if (!Uri.TryCreate(root + path, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp))
            throw new TeamsConnectorException("url", HttpStatusCode.BadRequest, "serviceUrl is not an http(s) URL");
        return uri;
    }

    private static byte[] Body<T>(T value, JsonTypeInfo<T> type) => JsonSerializer.SerializeToUtf8Bytes(value, type);

    private async Task<T?> CallAsync<T>(string operation, HttpMethod method, Uri url, byte[]? body, string? conversationId, JsonTypeInfo<T> answerType, CancellationToken cancellationToken)
        where T : class
    {
        // Local mode authenticates nobody, so a serviceUrl may come from anyone (a stored reference
        // too): the bot calls this machine only, as the Test Tool expects.
        if (options.Value.LocalMode && !url.IsLoopback)
            throw new TeamsConnectorException(operation, HttpStatusCode.BadRequest, "local mode (no Teams:AppId) calls loopback serviceUrls only");
        for (var attempt = 0; ; attempt++)
        {
            if (conversationId is not null)
                await queue.WaitTurnAsync(conversationId, cancellationToken);
            using var request = new HttpRequestMessage(method, url);
            if (body is not null)
                request.Content = new ByteArrayContent(body) { Headers = { ContentType = new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" } } };
            var token = await tokens.GetTokenAsync(cancellationToken);
            if (token is not null)
            {
                // The token goes only to the serviceUrl Teams gave us, and never in clear text.
                if (url.Scheme != Uri.UriSchemeHttps)
                    throw new TeamsConnectorException(operation, HttpStatusCode.BadRequest, "refusing to send a bot token over http");
                request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
            }

            HttpResponseMessage sent;
            try
            {
                sent = await httpClientFactory.CreateClient(HttpClientName).SendAsync(request, cancellationToken);
            }
            catch (HttpRequestException ex)
            {
                health.Failed(operation, ex.Message);
                throw;
            }
            using var response = sent;
            var status = (int)response.StatusCode;
            metrics.Request(operation, status);
            if (response.IsSuccessStatusCode)
            {
                health.Succeeded(operation);
                var bytes = await response.Content.ReadAsByteArrayAsync(cancellationToken);
                if (bytes.Length == 0)
                    return null;
                try
                {
                    return JsonSerializer.Deserialize(bytes, answerType);
                }
                catch (JsonException)
                {
                    return null;
                }
            }
            if (IsRetryable(response.StatusCode) && attempt < MaxRetries)
            {
                var delay = RetryAfter(response) ?? Backoff(attempt);
                metrics.Retry(operation, status);
                logger.LogWarning("Bot Connector {Operation} answered {Status}; retry {Attempt} in {Delay}", operation, status, attempt + 1, delay);
                await Task.Delay(delay, time, cancellationToken);
                continue;
            }
            var detail = await response.Content.ReadAsStringAsync(cancellationToken);
            health.Failed(operation, $"HTTP {status}");
            throw new TeamsConnectorException(operation, response.StatusCode, detail.Length > 300 ? detail[..300] : detail);
        }
    }

    internal static bool IsRetryable(HttpStatusCode status) =>
        status is HttpStatusCode.TooManyRequests or HttpStatusCode.PreconditionFailed or HttpStatusCode.BadGateway or HttpStatusCode.GatewayTimeout;

    private TimeSpan? RetryAfter(HttpResponseMessage response)
    {
        var header = response.Headers.RetryAfter;
        TimeSpan? wait = header?.Delta ?? (header?.Date is { } date ? date - time.GetUtcNow() : null);
        if (wait is null)
            return null;
        if (wait < TimeSpan.Zero)
            return TimeSpan.Zero;
        return wait > MaxRetryAfter ? MaxRetryAfter : wait;
    }

    // rate-limit.md's example: exponential from 2 s to 20 s with ±20 % jitter.
    internal TimeSpan Backoff(int attempt)
    {
        var seconds = Math.Min(MaxBackoff.TotalSeconds, MinBackoff.TotalSeconds * Math.Pow(2, attempt));
        double jitter;
        lock (random) // the shared Random is not thread-safe
            jitter = random.NextDouble();
        return TimeSpan.FromSeconds(seconds * (0.8 + (0.4 * jitter)));
    }
}
