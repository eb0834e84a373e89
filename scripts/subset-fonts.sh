#!/usr/bin/env bash
# Regenerates the subset web fonts (public/fonts/ for Arabic, app/fonts/ for Latin) from the npm font packages.
# The outputs are committed: `next build` stays offline and never runs this script.
# Run it again only when a font package is upgraded or the character ranges below change
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

SRC=node_modules/@fontsource-variable
OUT=app/fonts
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT
mkdir -p "$OUT"
# Reproducible outputs: fontTools stamps head.modified with SOURCE_DATE_EPOCH when it is set.
export SOURCE_DATE_EPOCH=${SOURCE_DATE_EPOCH:-1763424000}  # 2025-11-18T00:00:00Z

# --- Arabic: Noto Naskh Arabic (variable, wght 400–700, as shipped) -------------------------
# U+0020,U+00A0     space and no-break space, so Arabic runs do not switch font at every space
# U+0600–06FF       the whole Arabic block: letters, harakat (ً ٌ ٍ َ ُ ِ ّ ْ), ، ؛ ؟, Arabic-Indic
#                   digits, Persian/Urdu letters for quoted names
# U+200C–200F       ZWNJ, ZWJ, LRM, RLM (joining control and bidi marks)
# U+2010–2011       hyphen and non-breaking hyphen
# --layout-features='*' keeps every GSUB/GPOS feature (init/medi/fina/isol, rlig, ccmp, mark,
# mkmk…) and pyftsubset keeps the glyphs those features reach (lam-alef, the Allah ligature…),
# so shaping is unchanged. Latin letters, Western digits, « » and . , : come from Inter, as before.
ARABIC_UNICODES='U+0020,U+00A0,U+0600-06FF,U+200C-200F,U+2010-2011'
"$PY" -m fontTools.subset "$SRC/noto-naskh-arabic/files/noto-naskh-arabic-arabic-wght-normal.woff2" \
  --unicodes="$ARABIC_UNICODES" \
  --layout-features='*' \
  --flavor=woff2 \
  --output-file="$TMP/noto-naskh-arabic-subset.woff2"
# Served from public/fonts under a content-hashed name (preloaded on Arabic pages only, cached
# as immutable: docs/decisions/0030-fonts.md); app/arabic-font.ts names the file.
HASH=$(sha256sum "$TMP/noto-naskh-arabic-subset.woff2" | cut -c1-10)
rm -f public/fonts/noto-naskh-arabic.*.woff2
mkdir -p public/fonts
ARABIC_OUT="public/fonts/noto-naskh-arabic.$HASH.woff2"
cp "$TMP/noto-naskh-arabic-subset.woff2" "$ARABIC_OUT"
sed -i -E "s|/fonts/noto-naskh-arabic\.[0-9a-f]{10}\.woff2|/fonts/noto-naskh-arabic.$HASH.woff2|" app/arabic-font.ts

# --- Latin: Inter (variable) ------------------------------------------------------------------
# U+0020–007E       Basic Latin
# U+00A0–00FF       Latin-1: « » · © × é ü … (names such as "Dane Knecht", "Zürich")
# U+0131,U+0152–0153,U+02C6,U+02DA,U+02DC   ı Œ œ and spacing accents, as Fontsource's latin set
# U+2000–206F       General Punctuation: dashes, quotes, …, ‹ ›, thin spaces, bidi isolates
# U+20AC,U+2122     € ™
# U+2190–2193,U+2212,U+2215   arrows, minus, division slash (where the font has them)
# Features: kerning, contextual alternates, ligatures and marks only; Inter's fractions and
# tabular/proportional figure sets are not used by the site and are dropped.
LATIN_UNICODES='U+0020-007E,U+00A0-00FF,U+0131,U+0152-0153,U+02C6,U+02DA,U+02DC,U+2000-206F,U+20AC,U+2122,U+2190-2193,U+2212,U+2215'
"$PY" -m fontTools.subset "$SRC/inter/files/inter-latin-wght-normal.woff2" \
  --unicodes="$LATIN_UNICODES" \
  --layout-features='kern,liga,calt,ccmp,locl,mark,mkmk' \
  --flavor=woff2 \
  --output-file="$TMP/inter-latin-full-axis.woff2"
# The site uses weights 400 and 700 only (Tailwind's prose asks for 500–800, which the browser
# clamps into the face's range): limit the weight axis to 400–700. The font stays variable.
"$PY" -m fontTools.varLib.instancer "$TMP/inter-latin-full-axis.woff2" wght=400:700 -q \
  --output="$OUT/inter-latin-subset.woff2"

"$PY" - "$ARABIC_OUT" "$OUT/inter-latin-subset.woff2" <<'PYEOF'
import sys
from fontTools.ttLib import TTFont
for f in sys.argv[1:]:
    t = TTFont(f)
    assert t.flavor == 'woff2', f
    axes = ', '.join(f"{a.axisTag} {a.minValue:g}-{a.maxValue:g}" for a in t['fvar'].axes) if 'fvar' in t else 'static'
    print(f"{f}: {len(t.getBestCmap())} characters, {len(t.getGlyphOrder())} glyphs, {axes}")
PYEOF
ls -l "$ARABIC_OUT" "$OUT"/*.woff2
