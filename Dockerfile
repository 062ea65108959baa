# syntax=docker/dockerfile:1
# Cl37.Bot: the SDK image restores and publishes (ReadyToRun), the ASP.NET Core runtime image runs it.
#   docker build -t cl37bot .
#   docker run -p 8080:8080 -v cl37-data:/app/data cl37bot
# Settings come from environment variables (Discord__Token, Database__Provider, …): docs/operations.md.

FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
WORKDIR /src
# Restore in its own layer: it is only redone when a project or package version changes.
COPY global.json Directory.Build.props Directory.Packages.props .editorconfig ./
COPY src/Cl37.Bot/Cl37.Bot.csproj src/Cl37.Bot/
COPY src/Cl37.Bot/Properties/PublishProfiles/ src/Cl37.Bot/Properties/PublishProfiles/
RUN dotnet restore src/Cl37.Bot/Cl37.Bot.csproj -p:PublishProfile=container
COPY appsettings.json ./
COPY content/ content/
COPY src/ src/
# The same command .ci/publish-check runs and checks on every CI run:
RUN dotnet publish src/Cl37.Bot/Cl37.Bot.csproj -p:PublishProfile=container --no-restore -o /app

FROM mcr.microsoft.com/dotnet/aspnet:10.0 AS runtime
WORKDIR /app
COPY --from=build /app ./
# The image's built-in non-root user (uid 1654); data/ holds the SQLite database.
RUN mkdir -p /app/data && chown app:app /app/data
USER app
VOLUME ["/app/data"]
# The GC settings travel in cl37bot.runtimeconfig.json (workstation GC); the runtime sizes its heap
# to the container's memory limit, so none is set here. Run it with one: docker run -m 384m …
# URLS (unprefixed) outranks the "Urls" of appsettings.json, which is for `dotnet run` on a laptop.
# The container listens on every interface, so the playground (an admin console for whoever reaches
# it) is off; to offer it, set Playground__Enabled=true and Playground__AccessKey, behind HTTPS.
ENV URLS=http://+:8080 \
    Playground__Enabled=false \
    DOTNET_ENVIRONMENT=Production \
    Logging__Format=Json \
    Database__ConnectionString="Data Source=/app/data/cl37bot.db"
EXPOSE 8080
# The runtime image has no curl or wget; bash's /dev/tcp asks /health/live without starting a
# second .NET process every 15 s.
HEALTHCHECK --interval=15s --timeout=3s --start-period=20s --retries=3 \
    CMD ["bash", "-c", "exec 3<>/dev/tcp/127.0.0.1/8080 && printf 'GET /health/live HTTP/1.0\\r\\nHost: localhost\\r\\n\\r\\n' >&3 && head -n 1 <&3 | grep -q ' 200 '"]
ENTRYPOINT ["dotnet", "/app/cl37bot.dll"]
