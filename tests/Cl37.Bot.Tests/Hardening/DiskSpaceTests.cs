using System.Net;
using Cl37.Bot.Tests.Fakes;
using Cl37.Bot.Tests.Hosting;

namespace Cl37.Bot.Tests.Hardening;

/// <summary>A full disk lets every read through, so readiness looks at the free space itself: a
/// bot started on a full disk is not ready, and says which folder and how much is left.</summary>
public sealed class DiskSpaceTests
{
    [Fact]
    public async Task Ready_LessFreeSpaceThanTheSetting_NotReadyNamingTheFolderAndTheSetting()
    {
        // No disk here has 95 TiB free, so the real free space of the test's folder is below the line.
        await using var app = new QuizApp(settings: new Dictionary<string, string?> { ["Database:MinFreeMegabytes"] = "100000000" });
        using var http = app.CreateClient();

        using var ready = await http.GetAsync("/health/ready");
        var body = await ready.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.ServiceUnavailable, ready.StatusCode);
        Assert.Contains($"the disk holding {Path.GetDirectoryName(app.DatabasePath)} has ", body);
        Assert.Contains("MiB free, less than Database:MinFreeMegabytes (100000000): answers cannot be saved until space is freed", body);
    }

    [Fact]
    public async Task Ready_CheckTurnedOff_Ready()
    {
        await using var app = new QuizApp(settings: new Dictionary<string, string?> { ["Database:MinFreeMegabytes"] = "0" });
        using var http = app.CreateClient();

        using var ready = await http.GetAsync("/health/ready");

        Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
    }

    [Fact]
    [Trait(Tier.Name, Tier.Slow)]
    public async Task Restart_OnAFullDisk_NotReadyFromTheStartAndLogsItOnce()
    {
        var work = Directory.CreateTempSubdirectory("cl37-diskfull-").FullName;
        var data = Path.Combine(work, "data");
        // Not disposed: that would delete the folder; the second process's disposal does.
        var first = AppProcess.Start(new Dictionary<string, string>(), workDir: work);
        await first.WaitReadyAsync();
        Assert.Equal(0, await first.StopAsync());

        var settings = new Dictionary<string, string>();
        IReadOnlyList<string>? wrapper = null;
        if (Environment.IsPrivilegedProcess)
        {
            // The database moves onto a small file system of the child's own mount namespace, which a
            // filler file then takes down to 256 KiB free: room to open the database, not to run it.
            var saved = Path.Combine(work, "saved");
            Directory.Move(data, saved);
            Directory.CreateDirectory(data);
            wrapper = ["unshare", "--mount", "sh", "-c",
                $"mount -t tmpfs -o size=8m tmpfs '{data}' && cp -a '{saved}/.' '{data}/' "
                + $"&& dd if=/dev/zero of='{data}/filler' bs=1k count=$(( $(df -k --output=avail '{data}' | tail -1) - 256 )) status=none "
                + "&& exec \"$@\"", "sh"];
        }
        else
        {
            settings["Database__MinFreeMegabytes"] = "100000000";
        }

        await using var again = AppProcess.Start(settings, workDir: work, wrapper: wrapper);
        using var http = new HttpClient { BaseAddress = again.BaseAddress, Timeout = TimeSpan.FromSeconds(5) };
        // Bounded by the app's own start-up on a busy machine, not by a guess at how long it takes.
        var body = "";
        var watch = System.Diagnostics.Stopwatch.StartNew();
        while (!body.Contains("MiB free", StringComparison.Ordinal))
        {
            Assert.False(again.HasExited, again.Output);
            Assert.True(watch.Elapsed < TimeSpan.FromSeconds(90), $"readiness never named the full disk; last report: {body}\n{again.Output}");
            try
            {
                using var ready = await http.GetAsync("/health/ready");
                body = await ready.Content.ReadAsStringAsync();
                if (body.Contains("MiB free", StringComparison.Ordinal))
                    Assert.Equal(HttpStatusCode.ServiceUnavailable, ready.StatusCode);
            }
            catch (HttpRequestException)
            {
            }
            await Task.Delay(50);
        }
        // A second look, after more checks have run, still says so and the error was logged once.
        using (var ready = await http.GetAsync("/health/ready"))
            Assert.Equal(HttpStatusCode.ServiceUnavailable, ready.StatusCode);

        Assert.Contains($"the disk holding {data} has ", body);
        Assert.Single(again.Output.Split('\n'), l => l.Contains("Storage: the disk holding", StringComparison.Ordinal));
    }
}
