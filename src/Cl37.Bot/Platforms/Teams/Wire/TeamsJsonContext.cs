using System.Text.Json;
using System.Text.Json.Serialization;

namespace Cl37.Bot.Platforms.Teams.Wire;

[JsonSourceGenerationOptions(JsonSerializerDefaults.Web, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(Activity))]
[JsonSerializable(typeof(ResourceResponse))]
[JsonSerializable(typeof(ConversationParameters))]
[JsonSerializable(typeof(ConversationResourceResponse))]
[JsonSerializable(typeof(TeamsChannelAccount))]
[JsonSerializable(typeof(AdaptiveCardInvokeResponse))]
[JsonSerializable(typeof(AdaptiveCardInvokeValue))]
[JsonSerializable(typeof(TeamsConversationReference))]
[JsonSerializable(typeof(GraphMembersPage))]
[JsonSerializable(typeof(TeamDetails))]
internal sealed partial class TeamsJsonContext : JsonSerializerContext;
