#!/usr/bin/env bash
# Builds datachat in release mode and installs it under a prefix (default /usr/local, or $PREFIX):
# bin/datachat; share/datachat/{prompts,sample-data,scripts} (found beside the binary, as the README
# says); the bash, zsh and fish completions; and the man page datachat(1). Usage: scripts/install.sh [PREFIX]
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
prefix=${1:-${PREFIX:-/usr/local}}
"$root/scripts/install-deps.sh"
swift build -c release --package-path "$root" --product datachat >&2
binary="$root/.build/release/datachat"
generated="$root/.build/release-completions"
"$root/scripts/completions.sh" "$binary" "$generated"

install -d "$prefix/bin" "$prefix/share/datachat" "$prefix/share/man/man1" \
  "$prefix/share/bash-completion/completions" "$prefix/share/zsh/site-functions" \
  "$prefix/share/fish/vendor_completions.d"
install -m 0755 "$binary" "$prefix/bin/datachat"
rm -rf "$prefix/share/datachat/prompts" "$prefix/share/datachat/sample-data"
cp -R "$root/prompts" "$root/sample-data" "$prefix/share/datachat/"
install -d "$prefix/share/datachat/scripts"
install -m 0755 "$root/scripts/local-model" "$prefix/share/datachat/scripts/local-model"
install -m 0644 "$generated/datachat.bash" "$prefix/share/bash-completion/completions/datachat"
install -m 0644 "$generated/_datachat" "$prefix/share/zsh/site-functions/_datachat"
install -m 0644 "$generated/datachat.fish" "$prefix/share/fish/vendor_completions.d/datachat.fish"
install -m 0644 "$generated/datachat.1" "$prefix/share/man/man1/datachat.1"
echo "installed datachat in $prefix/bin (man datachat; completions for bash, zsh and fish)" >&2
