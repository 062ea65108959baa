using Cl37.Bot.Content;

namespace Cl37.Bot.Tests.Decks;

public sealed class TopicsTests
{
    [Theory]
    [InlineData("How many Pods does the HPA start?", "kubernetes")]
    [InlineData("A tripod holds the camera", "deployment")]
    [InlineData("Why is the cold start slow when scaling?", "cold start")]
    [InlineData("", "deployment")]
    public void Classify_UsesFirstMatchingKeyword(string text, string topic) => Assert.Equal(topic, Topics.Classify(text));

    [Theory]
    [InlineData("Scaling", "scaling")]
    [InlineData("k8s", "kubernetes")]
    [InlineData("pods", "kubernetes")]
    [InlineData("coldstart", "cold start")]
    [InlineData("Load-Balancing", "load balancing")]
    [InlineData("serial", "serialization")]
    [InlineData("quantum", null)]
    [InlineData("  ", null)]
    public void Find_TypedTopic(string typed, string? topic) => Assert.Equal(topic, Topics.Find(typed));
}
