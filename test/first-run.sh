#!/usr/bin/env bash
# A newcomer's first run: clone this repository into an empty folder and run the README's two commands exactly as
# written. Passes when `npm start` serves the seed article's three feeds on 127.0.0.1:8787 and `npm test` passes.
# Usage: npm run first-run   (needs port 8787 free; takes a few minutes: it runs the whole test suite again)
set -euo pipefail
repo=$(git -C "$(dirname "$0")/.." rev-parse --show-toplevel)
work=$(mktemp -d)
trap 'kill -- -$start_pid 2>/dev/null || true; rm -rf "$work"' EXIT
git clone --quiet "$repo" "$work/broadsheet"
cd "$work/broadsheet"

# The two commands, read from the README's "Two commands" block (comments stripped), not retyped here.
mapfile -t commands < <(awk '/^## Two commands/{f=1} f&&/^```sh/{b=1;next} b&&/^```/{exit} b' README.md | sed 's/ *#.*$//')
[ "${#commands[@]}" -eq 2 ] || { echo "first-run: expected two commands in the README, found ${#commands[@]}"; exit 1; }
echo "first-run: 1/2: ${commands[0]}"
set -m
bash -c "${commands[0]}" >"$work/start.log" 2>&1 &
start_pid=$!
set +m
base=http://127.0.0.1:8787
for _ in $(seq 1 240); do
  curl -fsS --compressed -o /dev/null "$base/feeds/qijiang-strategic-pivot.rss" 2>/dev/null && break
  kill -0 "$start_pid" 2>/dev/null || { cat "$work/start.log"; echo 'first-run: npm start exited'; exit 1; }
  sleep 1
done
for format in rss atom json; do
  body=$(curl -fsS --compressed "$base/feeds/qijiang-strategic-pivot.$format")
  grep -q '綦万“三化”发展注入新动能' <<<"$body" || { echo "first-run: $format feed lacks the first section"; exit 1; }
  echo "first-run: /feeds/qijiang-strategic-pivot.$format OK"
done
kill -- -"$start_pid" 2>/dev/null || true
wait "$start_pid" 2>/dev/null || true
echo "first-run: 2/2: ${commands[1]}"
bash -c "${commands[1]}"
echo 'first-run: passed'
