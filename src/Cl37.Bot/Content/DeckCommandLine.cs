namespace Cl37.Bot.Content;

public static class DeckCommandLine
{
    public static Task<int> RunAsync(string[] args, TextWriter output)
    {
        output.WriteLine("deck: not built yet (" + args.Length + " arguments)");
        return Task.FromResult(1);
    }
}
