/**
 * Upstream text becomes plain text before it is stored: tags and scripts are removed, entities
 * decoded, control and bidi-override characters dropped. The site renders it as text (React
 * escapes it); nothing from a status feed is ever rendered as HTML.
 */

const named: Readonly<Record<string, string>> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ' };

function decodeEntities(s: string): string {
  return s.replace(
    /&(?:#x([0-9a-f]{1,6})|#([0-9]{1,7})|([a-z]{2,6}));/gi,
    (whole: string, hex: string | undefined, dec: string | undefined, name: string | undefined) => {
      if (name !== undefined) return named[name.toLowerCase()] ?? whole;
      const code = hex !== undefined ? Number.parseInt(hex, 16) : Number.parseInt(dec ?? '', 10);
      const valid = code > 0 && code <= 0x10ffff && !(code >= 0xd800 && code <= 0xdfff);
      return valid ? String.fromCodePoint(code) : '\uFFFD';
    },
  );
}

function stripMarkup(s: string): string {
  return s
    .replace(/<(script|style|template|iframe|object|noscript)\b[\s\S]*?(<\/\1\s*>|$)/gi, ' ')
    .replace(/<!--[\s\S]*?(-->|$)/g, ' ')
    .replace(/<br\s*\/?>|<\/(p|div|li|h[1-6])\s*>/gi, '\n')
    .replace(/<\/?[a-z!][^>]*(>|$)/gi, '');
}

export function toPlainText(input: string, maxLength: number): string {
  // Stripping again after decoding removes tags that arrived escaped ("&lt;script&gt;").
  const text = stripMarkup(decodeEntities(stripMarkup(input)))
    .replace(/\r\n?/g, '\n')
    // C0/C1 controls except newline and tab, and the bidi embedding/override/isolate controls
    // that could reorder the page around the text (LRM/RLM marks are kept).
    .replace(/[\u0000-\u0008\u000B-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069]/g, '')
    .replace(/[\t ]+/g, ' ')
    .replace(/ *\n */g, '\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
  const chars = Array.from(text);
  if (chars.length <= maxLength) return text;
  return `${chars.slice(0, Math.max(0, maxLength - 1)).join('').trimEnd()}…`;
}
