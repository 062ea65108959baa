using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Cl37.Bot.Chat;
using Cl37.Bot.Platforms.Discord.Kernel;
using Cl37.Bot.Platforms.Discord.Wire;
using Microsoft.Extensions.Options;

namespace Cl37.Bot.Platforms.Discord.Outgoing;

/// <summary>Discord REST v10 over one <see cref="HttpClient"/>: bot authorization and a proper
/// User-Agent (DAD reference.mdx "Authentication", "User Agent"), the rate limiter, 429 retries with
/// <c>retry_after</c>, 5xx retries with backoff, and no further authorized calls after a 401 (each
/// invalid request counts toward Cloudflare's 10,000 per 10 minutes ban).</summary>
internal sealed class DiscordRestClient(
    HttpClient http,
    DiscordRateLimiter limiter,
    DiscordRestHealth health,
    IOptions<DiscordOptions> options,
    DiscordMetrics metrics,
    TimeProvider time,
    ILogger<DiscordRestClient> logger)
{
    public const string UserAgent = "DiscordBot (https://github.com/cl37/cl37-bot, 1.0)";
    private const int MaxRateLimitRetries = 5;
    private const int MaxServerErrorRetries = 3;
    /// <summary>The first response to an interaction must reach Discord within 3 s of the event, or
    /// the token is invalidated (DAD interactions/receiving-and-responding.mdx "Responding to an Interaction").</summary>
    public static readonly TimeSpan InitialResponseWindow = TimeSpan.FromSeconds(3);
    private static DiscordJsonContext Json => DiscordJsonContext.Default;

    public Task<GatewayBotResponse> GetGatewayBotAsync(CancellationToken cancellationToken) =>
        SendAsync(DiscordRoute.GatewayBot(), null, Json.GatewayBotResponse, cancellationToken)!;

    public Task<DiscordMessage> CreateMessageAsync(string channelId, MessagePayload message, CancellationToken cancellationToken) =>
        SendAsync(DiscordRoute.CreateMessage(channelId), Checked(message), Json.DiscordMessage, cancellationToken)!;

    public Task EditMessageAsync(string channelId, string messageId, MessagePayload message, CancellationToken cancellationToken) =>
        SendAsync(DiscordRoute.EditMessage(channelId, messageId), Checked(message), Json.DiscordMessage, cancellationToken);

    /// <summary>The first response to an interaction; retries stop at <paramref name="deadline"/>,
    /// after which Discord would only answer "unknown interaction" (and count an invalid request).</summary>
    public Task RespondAsync(string interactionId, string token, InteractionResponse response, DateTimeOffset deadline, CancellationToken cancellationToken) =>
        SendAsync<DiscordMessage>(DiscordRoute.Callback(interactionId, token), Body(response, Json.InteractionResponse), null, cancellationToken, deadline);

    public Task EditOriginalAsync(string applicationId, string token, MessagePayload message, CancellationToken cancellationToken) =>
        SendAsync(DiscordRoute.EditOriginal(applicationId, token), Checked(message), Json.DiscordMessage, cancellationToken);

    public Task FollowupAsync(string applicationId, string token, MessagePayload message, CancellationToken cancellationToken) =>
        SendAsync(DiscordRoute.Followup(applicationId, token), Checked(message), Json.DiscordMessage, cancellationToken);

    public Task<PartialApplication> GetCurrentApplicationAsync(CancellationToken cancellationToken) =>
        SendAsync(DiscordRoute.CurrentApplication(), null, Json.PartialApplication, cancellationToken)!;

    public Task<List<ApplicationCommand>?> GetCommandsAsync(string applicationId, string? guildId, CancellationToken cancellationToken) =>
        SendAsync(DiscordRoute.GetCommands(applicationId, guildId), null, Json.ListApplicationCommand, cancellationToken);

    public Task<List<ApplicationCommand>?> OverwriteCommandsAsync(string applicationId, string? guildId, List<ApplicationCommand> commands, CancellationToken cancellationToken) =>
        SendAsync(DiscordRoute.OverwriteCommands(applicationId, guildId), Body(commands, Json.ListApplicationCommand), Json.ListApplicationCommand, cancellationToken);

    private static RequestContent Body<T>(T value, JsonTypeInfo<T> type) => new(JsonSerializer.SerializeToUtf8Bytes(value, type), []);

    private static RequestContent Checked(MessagePayload message) => DiscordPayloadRules.Check(message) is { } problem
        ? throw new ArgumentException("Not sent to Discord: " + problem + ".", nameof(message))
        : new(JsonSerializer.SerializeToUtf8Bytes(message, Json.MessagePayload), message.Files);

    /// <summary>A request's JSON and the files that go with it; built anew for each attempt.</summary>
    private sealed record RequestContent(byte[] Json, IReadOnlyList<FileAttachment> Files)
    {
        // With files the body is multipart/form-data: the JSON as payload_json and each file as
        // files[n], n being the id of its entry in "attachments" (DAD reference.mdx "Uploading Files").
        public HttpContent ToHttpContent()
        {
            var json = new ByteArrayContent(Json);
            json.Headers.ContentType = new MediaTypeHeaderValue("application/json");
            if (Files.Count == 0)
                return json;
            var form = new MultipartFormDataContent { { json, "payload_json" } };
            for (var i = 0; i < Files.Count; i++)
            {
                var file = new ByteArrayContent(Files[i].Content);
                file.Headers.ContentType = new MediaTypeHeaderValue(Files[i].MediaType);
                form.Add(file, $"files[{i.ToString(CultureInfo.InvariantCulture)}]", Files[i].FileName);
            }
            return form;
        }
    }

    private async Task<T?> SendAsync<T>(DiscordRoute route, RequestContent? body, JsonTypeInfo<T>? responseType, CancellationToken cancellationToken, DateTimeOffset? deadline = null)
    {
        if (route.Authorized && health.Unauthorized)
            throw new DiscordRestException(401, null, "Discord rejected the bot token earlier (401); no further calls are sent. Check Discord:Token.");
        var rateLimits = 0;
        var serverErrors = 0;
        while (true)
        {
            if (!InTime(deadline, TimeSpan.Zero))
                throw PastDeadlineError(route);
            using var lease = await limiter.AcquireAsync(route, cancellationToken);
            using var request = new HttpRequestMessage(route.Method, route.Path);
            request.Headers.UserAgent.ParseAdd(UserAgent);
            if (route.Authorized)
                request.Headers.Authorization = new AuthenticationHeaderValue("Bot", options.Value.Token);
            if (body is not null)
                request.Content = body.ToHttpContent();
            HttpResponseMessage response;
            using var window = deadline is { } until ? new CancellationTokenSource(Remaining(until), time) : null;
            using var linked = window is null ? null : CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, window.Token);
            try
            {
                response = await http.SendAsync(request, linked?.Token ?? cancellationToken);
            }
            catch (OperationCanceledException) when (window is { IsCancellationRequested: true } && !cancellationToken.IsCancellationRequested)
            {
                throw PastDeadlineError(route);
            }
            catch (HttpRequestException ex) when (serverErrors < MaxServerErrorRetries && InTime(deadline, Backoff(serverErrors + 1)))
            {
                logger.LogWarning("Discord {Method} {Route} failed to send ({Error}); retrying", route.Method, route.Template, ex.Message);
                serverErrors++;
                await Task.Delay(Backoff(serverErrors), time, cancellationToken);
                continue;
            }
            catch (HttpRequestException ex)
            {
                health.Failed(route.RouteKey, $"Discord {route.Method} {route.Template} unreachable: {ex.Message}");
                throw;
            }
            using (response)
            {
                limiter.Update(route, lease, response.Headers);
                var status = (int)response.StatusCode;
                if (response.IsSuccessStatusCode)
                {
                    health.Succeeded(route.RouteKey);
                    if (responseType is null || response.StatusCode == HttpStatusCode.NoContent)
                        return default;
                    var stream = await response.Content.ReadAsStreamAsync(cancellationToken);
                    return await JsonSerializer.DeserializeAsync(stream, responseType, cancellationToken);
                }
                var text = await response.Content.ReadAsStringAsync(cancellationToken);
                if (status == 429 && rateLimits < MaxRateLimitRetries)
                {
                    rateLimits++;
                    var (retryAfter, global) = RetryAfter(response, text);
                    var scope = response.Headers.TryGetValues("X-RateLimit-Scope", out var s) ? s.FirstOrDefault() ?? "user" : global ? "global" : "user";
                    limiter.RateLimited(lease, retryAfter, global);
                    metrics.RateLimited(scope);
                    logger.LogWarning("Discord rate limit ({Scope}{Global}) on {Method} {Route}; waiting {RetryAfter:0.###} s",
                        scope, global ? ", global" : "", route.Method, route.Template, retryAfter);
                    if (deadline is { } responseBy && retryAfter >= Remaining(responseBy).TotalSeconds)
                        throw new DiscordRestException(429, null, $"Discord {route.Method} {route.Template} is rate limited for {retryAfter:0.###} s, past the 3 s an interaction response may take; not retried");
                    // Interaction routes have no bucket to hold the wait, so it is waited out here.
                    if (lease.Bucket is null && !global)
                        await Task.Delay(TimeSpan.FromSeconds(Math.Max(0, retryAfter)), time, cancellationToken);
                    continue;
                }
                if (status >= 500 && serverErrors < MaxServerErrorRetries && InTime(deadline, Backoff(serverErrors + 1)))
                {
                    serverErrors++;
                    logger.LogWarning("Discord {Method} {Route} answered {Status}; retry {Attempt} of {Max}", route.Method, route.Template, status, serverErrors, MaxServerErrorRetries);
                    await Task.Delay(Backoff(serverErrors), time, cancellationToken);
                    continue;
                }
                if (status == 401 && route.Authorized)
                    health.Unauthorized = true;
                if (status is >= 500 or 429)
                    health.Failed(route.RouteKey, $"Discord {route.Method} {route.Template} answered {status} after every retry");
                var error = TryParse(text, Json.ErrorResponse);
                logger.LogError("Discord {Method} {Route} failed with {Status}: {Body}", route.Method, route.Template, status, Shorten(text));
                throw new DiscordRestException(status, error?.Code, $"Discord {route.Method} {route.Template} failed with {status}: {error?.Message ?? Shorten(text)}", error?.Errors);
            }
        }
    }

    private static (double Seconds, bool Global) RetryAfter(HttpResponseMessage response, string text)
    {
        var body = TryParse(text, Json.RateLimitResponse);
        var global = body?.Global == true
            || (response.Headers.TryGetValues("X-RateLimit-Global", out var g) && string.Equals(g.FirstOrDefault(), "true", StringComparison.OrdinalIgnoreCase));
        if (body is { RetryAfter: > 0 })
            return (body.RetryAfter, global);
        if (response.Headers.RetryAfter?.Delta is { } delta)
            return (delta.TotalSeconds, global);
        if (response.Headers.TryGetValues("Retry-After", out var values)
            && double.TryParse(values.FirstOrDefault(), NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds))
            return (seconds, global);
        return (1, global);
    }

    private static T? TryParse<T>(string text, JsonTypeInfo<T> type)
    {
        try
        {
            return text.Length == 0 ? default : JsonSerializer.Deserialize(text, type);
        }
        catch (JsonException)
        {
            return default;
        }
    }

    private TimeSpan Remaining(DateTimeOffset deadline)
    {
        var left = deadline - time.GetUtcNow();
        return left > TimeSpan.Zero ? left : TimeSpan.Zero;
    }

    /// <summary>Whether a retry after <paramref name="wait"/> would still be before the deadline
    /// (always, for calls without one). A retry past it is not made: the call fails as it stands.</summary>
    private bool InTime(DateTimeOffset? deadline, TimeSpan wait) =>
        deadline is not { } until || time.GetUtcNow() + wait < until;

    private static DiscordRestException PastDeadlineError(DiscordRoute route) =>
        new(504, null, $"Discord {route.Method} {route.Template} did not answer within the 3 s an interaction response may take; not retried");

    private static TimeSpan Backoff(int attempt) => TimeSpan.FromMilliseconds(500 * (1 << (attempt - 1)));

    private static string Shorten(string s) => s.Length <= 500 ? s : s[..500] + "…";
}
