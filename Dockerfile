# syntax=docker/dockerfile:1
FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
WORKDIR /src
# global.json is left out on purpose: it pins the developers' SDK, the image brings its own 10.0 SDK.
COPY Directory.Build.props Directory.Packages.props .editorconfig ./
COPY src/ src/
RUN dotnet publish src/TrainingNetwork.Web/TrainingNetwork.Web.csproj -c Release -o /app -p:UseAppHost=false

FROM mcr.microsoft.com/dotnet/aspnet:10.0 AS runtime
WORKDIR /app
COPY --from=build /app ./
# DejaVu Sans for the attestation packet PDFs (docs/decisions/0008-pdf-packet.md).
RUN apt-get update \
    && apt-get install -y --no-install-recommends fonts-dejavu-core \
    && rm -rf /var/lib/apt/lists/*
ENV ASPNETCORE_URLS=http://+:8080
# A 16 MB first-generation budget keeps the portal's memory near 300 MB under load instead of growing with the CPU's
# cache size (docs/performance.md); only the environment variable sets it, not runtimeconfig.json.
ENV DOTNET_GCgen0size=0x1000000
EXPOSE 8080
# Non-root user that the .NET images define (uid 1654).
USER $APP_UID
ENTRYPOINT ["dotnet", "TrainingNetwork.Web.dll"]
