#!/usr/bin/env bash
# Seeds the fuzzer with the real articles of ../shared/corpus (40 dev + 371 smoke) and the
# project's own development set. The copies stay out of git (fuzz/corpus is ignored): the
# articles are not ours to publish.
set -euo pipefail
cd "$(dirname "$0")"
out=corpus/decode_extract
mkdir -p "$out"
cp ../../shared/corpus/dev/*.txt "$out"/
python3 - "$out" <<'PY'
import json, sys
out = sys.argv[1]
with open("../../shared/corpus/smoke/articles.jsonl", encoding="utf-8") as f:
    for i, line in enumerate(f):
        open(f"{out}/smoke_{i:03d}.txt", "w", encoding="utf-8").write(json.loads(line)["text"])
PY
cp ../tests/devset/*.txt ../tests/devset/*.html "$out"/
ls "$out" | wc -l
