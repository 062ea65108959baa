namespace Cl37.Bot.Tests.Platforms.Teams;

/// <summary>A test that needs Microsoft's Teams App Test Tool from tests/tools. Outside CI it is
/// skipped, with the reason, when the tool is not installed; in CI (CI=true) it always runs, so a
/// missing tool fails instead of hiding.</summary>
public sealed class TestToolFactAttribute : FactAttribute
{
    public TestToolFactAttribute()
    {
        if (TestToolProcess.CliPath() is null && !TestToolProcess.InCi)
            Skip = "The Teams App Test Tool is not installed: run `npm ci` in tests/tools (CI does this in .ci/setup).";
    }
}
