namespace Cl37.Bot.Data;

/// <summary>Whether the database has been migrated and is usable; read by the readiness check.</summary>
public sealed class DatabaseState
{
    private volatile bool _ready;

    public bool IsReady => _ready;

    public void MarkReady() => _ready = true;
}
