#!/usr/bin/env bash
# Publishes the bot exactly as the Dockerfile does and a bare ASP.NET Core app with the same flags,
# then measures spawn -> /health/ready 200 for each (bench/coldstart/measure.py). On demand only.
# usage: bench/coldstart/run.sh [runs]
set -euo pipefail
cd "$(dirname "$0")/../.."
out=bench/coldstart/out
runs="${1:-7}"
rm -rf "$out"
# The Dockerfile's publish command:
dotnet publish src/Cl37.Bot/Cl37.Bot.csproj -p:PublishProfile=container -o "$out/bot" >/dev/null
dotnet publish bench/coldstart/Bare/Bare.csproj -c Release -r linux-x64 --self-contained false -p:PublishReadyToRun=true -o "$out/bare" >/dev/null
python3 bench/coldstart/measure.py --runs "$runs" \
  "bare=$out/bare/bare.dll" \
  "bot (fresh database)=$out/bot/cl37bot.dll:fresh" \
  "bot (migrated database)=$out/bot/cl37bot.dll:existing"
