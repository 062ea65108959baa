using System.Collections.Concurrent;
using System.Net;
using System.Text;

namespace Cl37.Bot.Tests.Platforms.Teams;

/// <summary>Records every request (method, URL, body, Authorization) and answers from a script;
/// unscripted requests get 201 with a fresh activity id.</summary>
public sealed class RecordingHttpHandler(TimeProvider? time = null) : HttpMessageHandler
{
    private readonly ConcurrentQueue<Func<HttpResponseMessage>> _script = new();
    private readonly SemaphoreSlim _arrived = new(0);
    private int _ids;

    public sealed record Recorded(HttpMethod Method, string Url, string? Body, string? Authorization, DateTimeOffset At)
    {
        public string? ContentRange { get; init; }
    }

    public List<Recorded> Requests { get; } = [];

    public void Enqueue(HttpStatusCode status, string body = "", TimeSpan? retryAfter = null) => _script.Enqueue(() =>
    {
        var response = new HttpResponseMessage(status) { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        if (retryAfter is { } after)
            response.Headers.RetryAfter = new System.Net.Http.Headers.RetryConditionHeaderValue(after);
        return response;
    });

    /// <summary>Waits (bounded) until <paramref name="count"/> requests have arrived.</summary>
    public async Task WaitForAsync(int count, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(10));
        while (true)
        {
            lock (Requests)
            {
                if (Requests.Count >= count)
                    return;
            }
            var left = deadline - DateTime.UtcNow;
            if (left <= TimeSpan.Zero || !await _arrived.WaitAsync(left))
                throw new TimeoutException($"Expected {count} requests, saw {Requests.Count}.");
        }
    }

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var body = request.Content is null ? null : await request.Content.ReadAsStringAsync(cancellationToken);
        lock (Requests)
            Requests.Add(new Recorded(request.Method, request.RequestUri!.AbsoluteUri, body, request.Headers.Authorization?.ToString(), (time ?? TimeProvider.System).GetUtcNow())
            {
                ContentRange = request.Content?.Headers.ContentRange?.ToString(),
            });
        _arrived.Release();
        if (_script.TryDequeue(out var next))
            return next();
        var id = Interlocked.Increment(ref _ids);
        return new HttpResponseMessage(HttpStatusCode.Created) { Content = new StringContent($"{{\"id\":\"activity-{id}\"}}", Encoding.UTF8, "application/json") };
    }
}
