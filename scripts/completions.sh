#!/usr/bin/env bash
# Writes datachat's shell completions (bash, zsh, fish) and its man page, all generated from the command
# definitions by the built binary (swift-argument-parser's --generate-completion-script, and
# --experimental-dump-help through scripts/manpage.py), then checks each: bash -n, zsh -n and fish -n
# where those shells are installed, groff's warnings for the page. CI runs it (scripts/test.sh).
# Usage: scripts/completions.sh [BINARY] [FOLDER]   (defaults: .build/debug/datachat, .build/completions)
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
binary=${1:-$root/.build/debug/datachat}
folder=${2:-$root/.build/completions}
mkdir -p "$folder"
"$binary" --generate-completion-script bash >"$folder/datachat.bash"
"$binary" --generate-completion-script zsh >"$folder/_datachat"
"$binary" --generate-completion-script fish >"$folder/datachat.fish"
"$binary" --experimental-dump-help | python3 "$root/scripts/manpage.py" >"$folder/datachat.1"

bash -n "$folder/datachat.bash"
grep -q -- '-F _datachat datachat' "$folder/datachat.bash"
if command -v zsh >/dev/null; then zsh -n "$folder/_datachat"; fi
if command -v fish >/dev/null; then fish -n "$folder/datachat.fish"; fi
for command in ask sessions schema prompt sql doctor load-sample model replay export stats history; do
  for file in datachat.bash _datachat datachat.fish; do
    grep -q -- "$command" "$folder/$file" || { echo "completions: $file does not know $command" >&2; exit 1; }
  done
  # roff writes a hyphen as \-.
  grep -qF -- ".SS datachat ${command//-/\\-}" "$folder/datachat.1" ||
    { echo "completions: the man page does not describe $command" >&2; exit 1; }
done
# The chart options of ask (roff writes chart\-out): each shell and the page must know them.
for file in datachat.bash _datachat datachat.fish datachat.1; do
  grep -qE 'chart(\\)?-out' "$folder/$file" || { echo "completions: $file does not know --chart-out" >&2; exit 1; }
done
if command -v groff >/dev/null; then
  warnings=$(groff -man -Tutf8 -ww -z "$folder/datachat.1" 2>&1)
  [ -z "$warnings" ] || { echo "completions: the man page has roff warnings: $warnings" >&2; exit 1; }
fi
echo "completions and man page in $folder" >&2
