using System.Text.Json;
using System.Text.Json.Serialization;

namespace Cl37.Bot.Observability;

[JsonSourceGenerationOptions(JsonSerializerDefaults.Web, WriteIndented = false, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(HealthReportJson))]
internal sealed partial class HealthJsonContext : JsonSerializerContext;
