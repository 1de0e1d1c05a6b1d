# Builds the web app (and the `metrics` command under cli/) for docker-compose.yml. Debian's Noto CJK fonts let charts draw
# Chinese names, Liberation Sans sets the rest (far cheaper in SVG); git makes the commits-only clones for contributor history; curl serves the compose healthcheck (/health/ready).
FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
WORKDIR /src
COPY . .
RUN dotnet publish src/Metrics.Web -c Release -o /app && dotnet publish src/Metrics.Cli -c Release -o /app/cli

FROM mcr.microsoft.com/dotnet/aspnet:10.0
RUN apt-get update && apt-get install -y --no-install-recommends fonts-noto-cjk fonts-liberation git ca-certificates curl && rm -rf /var/lib/apt/lists/*
WORKDIR /app
COPY --from=build /app .
ENV ASPNETCORE_URLS=http://+:8080
EXPOSE 8080
ENTRYPOINT ["dotnet", "Metrics.Web.dll"]
