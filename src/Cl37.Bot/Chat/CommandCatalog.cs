namespace Cl37.Bot.Chat;

/// <summary>Every command the bot understands, as data. Discord's slash-command registration,
/// Teams' command list and the playground's help and completion are rendered from this list.</summary>
public static class CommandCatalog
{
    private static readonly string[] Periods = ["week", "month", "all", "competition"];

    /// <summary>All commands, in the order help lists them.</summary>
    public static IReadOnlyList<CommandDefinition> All { get; } =
    [
        new("quiz", "Quiz questions: post one now, practise privately, manage the daily schedule",
        [
            new("now", "Post the next question in this channel now",
            [
                new("deck", "Deck to draw from (default: the channel's)", OptionKind.Text, MaxLength: 64),
                new("force", "Close the open daily question early (admins)", OptionKind.Boolean),
            ], Example: "/quiz now"),
            new("practice", "A private question for you from your review boxes (not scored)", [], Example: "/quiz practice"),
            new("reveal", "Close the open question in this channel now and post the reveal", [], AdminOnly: true, Example: "/quiz reveal"),
            new("schedule set", "Post a question every day at a local time",
            [
                new("time", "Local time of day, 24-hour (09:00)", OptionKind.Text, Required: true, MaxLength: 5),
                new("zone", "IANA time zone (Europe/Berlin); default from settings", OptionKind.Text, MaxLength: 64),
                new("days", "Weekdays: mon-fri, daily, or a list like mon,wed,fri", OptionKind.Text, MaxLength: 40),
                new("window", "Hours the answers stay open (default: until 1 hour before the next post)", OptionKind.Number, MinValue: 0.25, MaxValue: 167),
                new("results", "Show right/wrong at once or only at the reveal", OptionKind.Text, Choices: ["immediate", "reveal"]),
                new("deck", "Deck to draw from (default: all decks)", OptionKind.Text, MaxLength: 64),
            ], AdminOnly: true, Example: "/quiz schedule set 09:00 Europe/Berlin mon-fri"),
            new("schedule show", "Show this channel's schedule", [], Example: "/quiz schedule show"),
            new("schedule off", "Stop the daily question in this channel", [], AdminOnly: true, Example: "/quiz schedule off"),
            new("analysis", "Item analysis for deck authors: facility, discrimination, distractors",
            [
                new("deck", "Deck to analyse (default: every deck asked here)", OptionKind.Text, MaxLength: 64),
                new("format", "table, or csv to export", OptionKind.Text, Choices: ["table", "csv"]),
            ], AdminOnly: true, Example: "/quiz analysis"),
            new("settings", "Group settings: bonuses, who may post, hidden results",
            [
                new("streak_bonus", "Award a streak bonus", OptionKind.Boolean),
                new("speed_bonus", "Award a speed bonus", OptionKind.Boolean),
                new("everyone_can_post", "Let everyone use /quiz now", OptionKind.Boolean),
                new("hide_results", "Hide right/wrong until the reveal", OptionKind.Boolean),
            ], AdminOnly: true, Example: "/quiz settings streak_bonus:true"),
        ], []),
        new("leaderboard", "The group's leaderboard", [],
        [
            new("period", "week, month, all or competition", OptionKind.Text, Choices: Periods),
            new("page", "Page number", OptionKind.Integer, MinValue: 1, MaxValue: 10_000),
            new("format", "table, or csv (admins) to export", OptionKind.Text, Choices: ["table", "csv"]),
        ], Example: "/leaderboard week"),
        new("stats", "Accuracy by type and topic, weakest questions and streak", [],
        [
            new("user", "Whose stats (default: yours)", OptionKind.User),
        ], Example: "/stats"),
        new("competition", "Leaderboard competitions",
        [
            new("start", "Start a competition that runs until an end date",
            [
                new("name", "Name of the competition", OptionKind.Text, Required: true, MaxLength: 80),
                new("end", "Last day, yyyy-MM-dd, in the group's time zone", OptionKind.Text, Required: true, MaxLength: 10),
            ], AdminOnly: true, Example: "/competition start \"Exam sprint\" 2026-12-20"),
            new("end", "End the running competition now and post the final standings", [], AdminOnly: true, Example: "/competition end"),
            new("show", "Standings of the running (or last) competition", [], Example: "/competition show"),
        ], []),
        new("calc", "The course's formula calculators, with worked steps",
        [
            new("weights", "Weight parameters of a dense network: Σ prev × next",
            [
                new("layers", "Layer sizes, input first (784 128 64 32)", OptionKind.Rest, Required: true, MaxLength: 200),
                new("biases", "Count the biases too", OptionKind.Boolean),
            ], Example: "/calc weights 784 128 64 32"),
            new("hpa", "Kubernetes HPA: desired replicas",
            [
                new("current_pods", "Current number of pods", OptionKind.Integer, Required: true, MinValue: 1, MaxValue: 100_000),
                new("current_metric", "Current metric: 90, 90%, or a quantity such as 200m or 1.5", OptionKind.Text, Required: true, MaxLength: 32),
                new("target_metric", "Target metric, in the same form (60%, 500m)", OptionKind.Text, Required: true, MaxLength: 32),
                new("min", "Minimum replicas (default 1)", OptionKind.Integer, MinValue: 1, MaxValue: 100_000),
                new("max", "Maximum replicas (default unbounded)", OptionKind.Integer, MinValue: 1, MaxValue: 100_000),
            ], Example: "/calc hpa 2 90 60"),
            new("servers", "Servers needed for a peak load",
            [
                new("peak", "Peak requests per second", OptionKind.Number, Required: true),
                new("capacity", "Requests per second one server handles", OptionKind.Number, Required: true),
                new("buffer", "Safety factor such as 1.25 (default: none)", OptionKind.Number),
            ], Example: "/calc servers 200 50"),
            new("coldstart", "Loading time of several models, sequential vs parallel",
            [
                new("times", "Load time in seconds (30), or a list (30,45,60)", OptionKind.Text, Required: true, MaxLength: 200),
                new("models", "How many models of that time (default 1)", OptionKind.Integer, MinValue: 1, MaxValue: 1000),
            ], Example: "/calc coldstart 30 3"),
            new("docker", "Docker image size: base + model + dependencies",
            [
                new("base", "Base image size (500, 500MB, 0.5GB)", OptionKind.Text, Required: true, MaxLength: 32),
                new("model", "Model file size", OptionKind.Text, Required: true, MaxLength: 32),
                new("deps", "Dependencies size", OptionKind.Text, Required: true, MaxLength: 32),
            ], Example: "/calc docker 500 45 200"),
        ], []),
        new("formulas", "The course's formula sheet", [], [], Example: "/formulas"),
        new("revise", "Revision notes: concepts, traps, one-liners", [],
        [
            new("topic", "A topic (serialization, flask, scaling, kubernetes, docker, monitoring…)", OptionKind.Text, MaxLength: 64),
        ], Example: "/revise scaling"),
        new("help", "What the bot can do", [],
        [
            new("command", "A command to explain", OptionKind.Text, MaxLength: 32),
        ], Example: "/help calc"),
    ];

    /// <summary>A command by name, case-insensitive.</summary>
    public static CommandDefinition? Find(string name) =>
        All.FirstOrDefault(c => string.Equals(c.Name, name, StringComparison.OrdinalIgnoreCase));
}
