
namespace Cl37.Bot.Platforms.Discord.Incoming;

/// <summary>What to do after a connection ends (DAD topics/opcodes-and-status-codes.mdx "Gateway
/// Close Event Codes"; events/gateway.mdx "Resuming").</summary>
internal enum GatewayNext
{
    Resume,
    Identify,
    Stop,
}
