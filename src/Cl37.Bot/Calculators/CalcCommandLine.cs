namespace Cl37.Bot.Calculators;

public static class CalcCommandLine
{
    public static int Run(string[] args, TextWriter output)
    {
        output.WriteLine("calc: not built yet (" + args.Length + " arguments)");
        return 1;
    }
}
