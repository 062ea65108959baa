using System.Diagnostics.Metrics;

namespace Cl37.Bot.Quiz;

/// <summary>The quiz's own metrics (meter "Cl37.Bot.Quiz"), exported to Prometheus.</summary>
public sealed class QuizMetrics
{
    public const string MeterName = "Cl37.Bot.Quiz";

    private readonly Counter<long> _answers;
    private readonly Histogram<double> _answerLatency;
    private readonly Counter<long> _posts;
    private readonly Counter<long> _reveals;

    public QuizMetrics(IMeterFactory meters)
    {
        var meter = meters.Create(MeterName);
        _answers = meter.CreateCounter<long>("cl37_answers_recorded", description: "Answers stored (first answers only)");
        _answerLatency = meter.CreateHistogram<double>("cl37_answer_duration", "s", "Time to grade and store an answer",
            advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = [0.001, 0.0025, 0.005, 0.01, 0.02, 0.05, 0.1, 0.25, 0.5, 1, 3] });
        _posts = meter.CreateCounter<long>("cl37_questions_posted", description: "Questions posted to channels");
        _reveals = meter.CreateCounter<long>("cl37_reveals_posted", description: "Reveals posted to channels");
    }

    public void AnswerRecorded(TimeSpan elapsed)
    {
        _answers.Add(1);
        _answerLatency.Record(elapsed.TotalSeconds);
    }

    public void QuestionPosted(string platform) => _posts.Add(1, new KeyValuePair<string, object?>("platform", platform));

    public void RevealPosted(string platform) => _reveals.Add(1, new KeyValuePair<string, object?>("platform", platform));
}
