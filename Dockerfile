# Nämndportal: production image.
#   docker build -t naemndportal .
#   docker run --rm -e ConnectionStrings__Default=… naemndportal migrate   # apply migrations, then exit
#   docker run -d -p 127.0.0.1:8080:8080 -e ConnectionStrings__Default=… naemndportal
# Not exercised by CI (no Docker engine on our machines); see README.md.

# --- build -------------------------------------------------------------------------------------------
FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
WORKDIR /src
# npm installs pdf.js for the meeting reader at build time (ADR 0008); nothing is fetched at run time.
RUN apt-get update \
 && apt-get install -y --no-install-recommends nodejs npm \
 && rm -rf /var/lib/apt/lists/*

# Restore first, from the project files only, so that a code change does not restore again.
COPY global.json Directory.Build.props Directory.Packages.props .editorconfig ./
COPY src/Nämndportal.Domain/Nämndportal.Domain.csproj src/Nämndportal.Domain/
COPY src/Nämndportal.Application/Nämndportal.Application.csproj src/Nämndportal.Application/
COPY src/Nämndportal.Infrastructure/Nämndportal.Infrastructure.csproj src/Nämndportal.Infrastructure/
COPY src/Nämndportal.Web/Nämndportal.Web.csproj src/Nämndportal.Web/
RUN dotnet restore src/Nämndportal.Web/Nämndportal.Web.csproj
COPY src/Nämndportal.Web/package.json src/Nämndportal.Web/package-lock.json src/Nämndportal.Web/
RUN cd src/Nämndportal.Web && npm ci --omit=optional --ignore-scripts --no-audit --no-fund

COPY src/ src/
RUN dotnet publish src/Nämndportal.Web/Nämndportal.Web.csproj -c Release -o /app --no-restore

# --- runtime -----------------------------------------------------------------------------------------
# .NET 10's official images are Ubuntu-based, and Ubuntu ships Chromium only as a snap, which does not run
# in a container. So the runtime is Debian 12 (as on our machines) with Debian's chromium, and the ASP.NET
# Core runtime copied from the official image (a portable build that runs on Debian 12).
FROM mcr.microsoft.com/dotnet/aspnet:10.0 AS dotnet

FROM debian:12-slim AS runtime
# .NET's own dependencies on Debian 12 (ICU for sv-SE, tzdata for Europe/Stockholm), then what printing
# needs: Chromium and the fonts the PDF templates name (Liberation Sans, DejaVu Sans), and LibreOffice without a
# GUI for the PDF renditions of uploaded handlingar (Writer: DOCX, Calc: XLSX, Draw: images); Ghostscript for the
# protokoll's PDF/A; curl for the health check docker-compose.yml asks.
RUN apt-get update \
 && apt-get install -y --no-install-recommends \
      ca-certificates libc6 libgcc-s1 libicu72 libssl3 libstdc++6 tzdata zlib1g \
      chromium fonts-liberation2 fonts-dejavu-core fontconfig \
      libreoffice-writer-nogui libreoffice-calc-nogui libreoffice-draw-nogui \
      ghostscript curl \
 && apt-get clean \
 && rm -rf /var/lib/apt/lists/*

COPY --from=dotnet /usr/share/dotnet /usr/share/dotnet
RUN ln -s /usr/share/dotnet/dotnet /usr/bin/dotnet

# Not root. The code starts Chromium with --no-sandbox, so Chromium does not need root or a sandbox helper.
# UID 1654 is the "app" user of Microsoft's own images.
RUN groupadd --gid 1654 app \
 && useradd --uid 1654 --gid app --create-home --shell /usr/sbin/nologin app

ENV ASPNETCORE_URLS=http://+:8080 \
    DOTNET_RUNNING_IN_CONTAINER=true \
    Pdf__ChromiumPath=/usr/bin/chromium

WORKDIR /app
COPY --from=build --chown=root:root /app ./
USER app
EXPOSE 8080
ENTRYPOINT ["dotnet", "Nämndportal.Web.dll"]
