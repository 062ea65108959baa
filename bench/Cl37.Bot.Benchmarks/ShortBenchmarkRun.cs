using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Running;
using BenchmarkDotNet.Toolchains.InProcess.Emit;

namespace Cl37.Bot.Benchmarks;

/// <summary>Runs one BenchmarkDotNet class in this process with a short job, for the figures that
/// measure a pure function rather than a running server.</summary>
internal static class ShortBenchmarkRun
{
    /// <summary>Runs every benchmark of <typeparamref name="T"/>; returns each method's mean in milliseconds, by method name.</summary>
    public static Func<string, double> MeansOf<T>()
    {
        var config = ManualConfig.CreateMinimumViable()
            .AddJob(Job.ShortRun.WithToolchain(InProcessEmitToolchain.Instance))
            .WithOptions(ConfigOptions.DisableLogFile)
            .WithArtifactsPath(Path.Combine(Path.GetTempPath(), "cl37-bdn"));
        var summary = BenchmarkRunner.Run<T>(config);
        return method => summary.Reports.Single(r => r.BenchmarkCase.Descriptor.WorkloadMethod.Name == method).ResultStatistics!.Mean / 1e6;
    }
}
