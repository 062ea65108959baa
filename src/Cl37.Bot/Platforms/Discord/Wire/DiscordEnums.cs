
namespace Cl37.Bot.Platforms.Discord.Wire;

// The numbers Discord puts on the wire, named as the docs name them. System.Text.Json writes and
// reads enums as their numbers, so a value Discord adds later still reads (as an unnamed number)
// and the JSON stays exactly what Discord documents.

/// <summary>DAD topics/opcodes-and-status-codes.mdx "Gateway Opcodes".</summary>
internal enum GatewayOpcode
{
    Dispatch = 0,
    Heartbeat = 1,
    Identify = 2,
    PresenceUpdate = 3,
    VoiceStateUpdate = 4,
    Resume = 6,
    Reconnect = 7,
    RequestGuildMembers = 8,
    InvalidSession = 9,
    Hello = 10,
    HeartbeatAck = 11,
}

/// <summary>DAD interactions/receiving-and-responding.mdx "Interaction Type".</summary>
internal enum InteractionType
{
    Ping = 1,
    ApplicationCommand = 2,
    MessageComponent = 3,
    ApplicationCommandAutocomplete = 4,
    ModalSubmit = 5,
}

/// <summary>DAD interactions/receiving-and-responding.mdx "Interaction Callback Type".</summary>
internal enum InteractionCallbackType
{
    Pong = 1,
    ChannelMessageWithSource = 4,
    DeferredChannelMessageWithSource = 5,
    DeferredUpdateMessage = 6,
    UpdateMessage = 7,
    ApplicationCommandAutocompleteResult = 8,
    Modal = 9,
    LaunchActivity = 12,
}

/// <summary>DAD components/reference.mdx "Component Types".</summary>
internal enum ComponentType
{
    ActionRow = 1,
    Button = 2,
    StringSelect = 3,
    TextInput = 4,
    UserSelect = 5,
    RoleSelect = 6,
    MentionableSelect = 7,
    ChannelSelect = 8,
    Section = 9,
    TextDisplay = 10,
    Thumbnail = 11,
    MediaGallery = 12,
    File = 13,
    Separator = 14,
    Container = 17,
    Label = 18,
    FileUpload = 19,
}

/// <summary>DAD components/reference.mdx "Button Styles".</summary>
internal enum ButtonStyle
{
    Primary = 1,
    Secondary = 2,
    Success = 3,
    Danger = 4,
    Link = 5,
    Premium = 6,
}

/// <summary>DAD components/reference.mdx "Text Input Styles".</summary>
internal enum TextInputStyle
{
    Short = 1,
    Paragraph = 2,
}

/// <summary>DAD resources/message.mdx "Message Flags".</summary>
[Flags]
internal enum MessageFlags
{
    None = 0,
    Crossposted = 1 << 0,
    IsCrosspost = 1 << 1,
    SuppressEmbeds = 1 << 2,
    SourceMessageDeleted = 1 << 3,
    Urgent = 1 << 4,
    HasThread = 1 << 5,
    Ephemeral = 1 << 6,
    Loading = 1 << 7,
    FailedToMentionSomeRolesInThread = 1 << 8,
    SuppressNotifications = 1 << 12,
    IsVoiceMessage = 1 << 13,
    HasSnapshot = 1 << 14,
    IsComponentsV2 = 1 << 15,
}

/// <summary>DAD interactions/application-commands.mdx "Application Command Types".</summary>
internal enum ApplicationCommandType
{
    ChatInput = 1,
    User = 2,
    Message = 3,
    PrimaryEntryPoint = 4,
}

/// <summary>DAD interactions/application-commands.mdx "Application Command Option Type".</summary>
internal enum ApplicationCommandOptionType
{
    SubCommand = 1,
    SubCommandGroup = 2,
    String = 3,
    Integer = 4,
    Boolean = 5,
    User = 6,
    Channel = 7,
    Role = 8,
    Mentionable = 9,
    Number = 10,
    Attachment = 11,
}

/// <summary>DAD interactions/receiving-and-responding.mdx "Interaction Context Types".</summary>
internal enum InteractionContextType
{
    Guild = 0,
    BotDm = 1,
    PrivateChannel = 2,
}

/// <summary>DAD resources/application.mdx "Application Integration Types".</summary>
internal enum ApplicationIntegrationType
{
    GuildInstall = 0,
    UserInstall = 1,
}
