using System.Runtime.CompilerServices;

namespace Cl37.Bot.Tests;

internal static class TestDefaults
{
    /// <summary>Apps started by tests load their schedules as soon as the server is up, as before the
    /// start-up gate existed: most tests never ask /health/ready. StartupGateTests turn it back on.</summary>
    [ModuleInitializer]
    internal static void Initialize() => Environment.SetEnvironmentVariable("Hosting__DeferredStartSeconds", "0");
}
