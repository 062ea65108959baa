namespace Cl37.Bot.Chat;

/// <summary>What makes a person an admin where they are, as their platform decides it; a refusal
/// names it so the person knows whom to ask. People listed in <c>Quiz:Admins</c> are admins everywhere.</summary>
public enum AdminRule
{
    /// <summary>The platform names no rule.</summary>
    Unstated,

    /// <summary>Discord: the Manage Server (or Administrator) permission.</summary>
    ManageServer,

    /// <summary>Teams: the team's owners.</summary>
    TeamOwners,

    /// <summary>A Teams chat outside any team has no owners: only the people listed by the operator.</summary>
    OperatorListOnly,

    /// <summary>The playground: the admin box.</summary>
    AdminSwitch,
}
