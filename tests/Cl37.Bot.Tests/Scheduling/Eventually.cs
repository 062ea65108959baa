using System.Diagnostics;

namespace Cl37.Bot.Tests.Scheduling;

/// <summary>Waits, bounded, for something another thread does (the real Quartz thread after the fake
/// clock moved, a hosted service, a fake server). The bound only matters when the test fails, so it
/// is generous enough for a machine whose cores are busy with other work.</summary>
internal static class Eventually
{
    private static readonly TimeSpan Limit = TimeSpan.FromSeconds(30);

    public static async Task TrueAsync(Func<Task<bool>> condition, string what)
    {
        var watch = Stopwatch.StartNew();
        while (watch.Elapsed < Limit)
        {
            if (await condition())
                return;
            await Task.Delay(25);
        }
        Assert.Fail($"Timed out after {Limit.TotalSeconds} s waiting for {what}.");
    }

    public static Task TrueAsync(Func<bool> condition, string what) => TrueAsync(() => Task.FromResult(condition()), what);
}
