#!/usr/bin/env bash
# Regenerates the subset web fonts in public/fonts/ from the npm font packages, as app/web-fonts.json lists them.
# The outputs are committed: `next build` stays offline and never runs this script.
# Run it again only when a font package is upgraded or a range in app/web-fonts.json changes
# (docs/decisions/0030-fonts.md says why each range is there).
#
# Needs fontTools with brotli (Debian: apt-get install -y python3-fonttools python3-brotli).
set -euo pipefail
cd "$(dirname "$0")/.."

PY=${PYTHON:-}
if [[ -z "$PY" ]]; then
  for candidate in /usr/bin/python3 python3; do
    if "$candidate" -c 'import fontTools.subset, brotli' 2>/dev/null; then PY=$candidate; break; fi
  done
fi
if [[ -z "$PY" ]]; then
  echo "fontTools and brotli are missing: apt-get install -y python3-fonttools python3-brotli" >&2
  exit 1
fi

# Reproducible outputs: fontTools stamps head.modified with SOURCE_DATE_EPOCH when it is set.
export SOURCE_DATE_EPOCH=${SOURCE_DATE_EPOCH:-1763424000}  # 2025-11-18T00:00:00Z

# For every face in app/web-fonts.json:
#   pyftsubset source --unicodes=<unicodeRange> --layout-features=<features>
#     ('*' for the Naskh faces: every GSUB/GPOS feature — init/medi/fina/isol, rlig, ccmp, mark,
#     mkmk — and the glyphs those features reach, such as lam-alef, so shaping is unchanged)
#   then, if "axis" is set, fontTools.varLib.instancer limits the weight axis (Inter: 400–700;
#     Naskh ships as 400–700 already). Every face stays variable.
#   The file is written as public/fonts/<name>.<first 10 hex of its SHA-256>.woff2 (immutable
#   cache: a new subset is a new URL) and its path goes back into the JSON's "file".
"$PY" - <<'PYEOF'
import hashlib, json, os, subprocess, sys, tempfile
from fontTools.ttLib import TTFont
cfg_path = 'app/web-fonts.json'
cfg = json.load(open(cfg_path, encoding='utf-8'))
os.makedirs('public/fonts', exist_ok=True)
with tempfile.TemporaryDirectory() as tmp:
    for key, face in cfg['faces'].items():
        src = os.path.join('node_modules', face['source'])
        out = os.path.join(tmp, key + '.woff2')
        subprocess.run([sys.executable, '-m', 'fontTools.subset', src, f"--unicodes={face['unicodeRange']}",
                        f"--layout-features={face['features']}", '--flavor=woff2', f'--output-file={out}'], check=True)
        if face.get('axis'):
            limited = os.path.join(tmp, key + '.limited.woff2')
            subprocess.run([sys.executable, '-m', 'fontTools.varLib.instancer', out, face['axis'], '-q', f'--output={limited}'], check=True)
            out = limited
        data = open(out, 'rb').read()
        name = f"{face['name']}.{hashlib.sha256(data).hexdigest()[:10]}.woff2"
        for old in os.listdir('public/fonts'):
            if old.startswith(face['name'] + '.') and old.endswith('.woff2'):
                os.remove(os.path.join('public/fonts', old))
        open(os.path.join('public/fonts', name), 'wb').write(data)
        face['file'] = '/fonts/' + name
        t = TTFont(os.path.join('public/fonts', name))
        assert t.flavor == 'woff2', name
        axes = ', '.join(f"{a.axisTag} {a.minValue:g}-{a.maxValue:g}" for a in t['fvar'].axes) if 'fvar' in t else 'static'
        print(f"{face['file']}: {len(data)} B, {len(t.getBestCmap())} characters, {len(t.getGlyphOrder())} glyphs, {axes}")
with open(cfg_path, 'w', encoding='utf-8') as f:
    json.dump(cfg, f, ensure_ascii=False, indent=2)
    f.write('\n')
PYEOF
