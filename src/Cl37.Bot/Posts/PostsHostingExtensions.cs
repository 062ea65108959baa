namespace Cl37.Bot.Posts;

public static class PostsHostingExtensions
{
    public static WebApplicationBuilder AddPosts(this WebApplicationBuilder builder)
    {
        var s = builder.Services;
        s.AddSingleton<ChatPlatforms>();
        s.AddSingleton<TallyPoster>();
        s.AddHostedService(sp => sp.GetRequiredService<TallyPoster>());
        s.AddSingleton<QuestionPoster>();
        s.AddSingleton<RevealPoster>();
        s.AddSingleton<StandingsPoster>();
        return builder;
    }
}
