using System.Text.Json.Serialization;

namespace Cl37.Bot.Platforms.Playground.Wire;

[JsonPolymorphic(TypeDiscriminatorPropertyName = "kind")]
[JsonDerivedType(typeof(QuestionCardDto), "question")]
[JsonDerivedType(typeof(RevealCardDto), "reveal")]
[JsonDerivedType(typeof(TableCardDto), "table")]
[JsonDerivedType(typeof(StepsCardDto), "steps")]
internal abstract record CardDto;
