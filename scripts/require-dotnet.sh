#!/usr/bin/env bash
# The one thing the launcher cannot install for you: the .NET 10 SDK (https://dot.net). Everything else it fetches itself.
set -euo pipefail
if ! command -v dotnet >/dev/null 2>&1; then
    echo "malekort: trenger .NET 10 SDK (dotnet) på PATH. Se https://dotnet.microsoft.com/download/dotnet/10.0" >&2
    exit 1
fi
if ! command -v npm >/dev/null 2>&1; then
    echo "malekort: trenger Node.js og npm for å bygge NAVs designsystem-CSS inn i programmet (Debian: apt-get install nodejs npm)." >&2
    exit 1
fi
