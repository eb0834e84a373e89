/**
 * The markdown subset editors write in: paragraphs (blank line between), **bold** and
 * [links](https://…). Nothing else is syntax: `<script>` is six characters of text.
 *
 * A tiny hand-written tokenizer rather than a markdown library, because the smallest safe
 * surface is one that cannot produce HTML at all. `parseEditorialText` gives a tree of three
 * node types; the renderers below (React elements, escaped HTML for feeds, plain text, and
 * DOM nodes in markdown-dom.ts) only ever turn `text` into text and `link.href` into an
 * attribute that has passed `safeLinkHref` (absolute http: or https:, no credentials).
 *
 * Pure and dependency-free: the same module runs on the server, in the browser (live island)
 * and in the CLI. Linear in the input length (failed openers are remembered, never rescanned).
 */

export type EditorialInline =
  | { readonly type: 'text'; readonly value: string }
  | { readonly type: 'strong'; readonly children: readonly EditorialInline[] }
  | { readonly type: 'link'; readonly href: string; readonly children: readonly EditorialInline[] };

export interface EditorialParagraph {
  readonly type: 'paragraph';
  readonly children: readonly EditorialInline[];
}

export type LinkProblem = 'scheme' | 'invalid' | 'credentials' | 'too-long';

/** Something written as link syntax whose target we refuse; it is rendered as plain text. */
export interface LinkDiagnostic {
  readonly problem: LinkProblem;
  readonly url: string;
}

export const maxLinkLength = 2000;

/**
 * Bidi embeddings/overrides/isolates (U+202A–E, U+2066–9) can reorder the text around them
 * (the U+202E "evil.com" trick); C0/C1 controls, U+FEFF and the interlinear annotation
 * characters have no business in prose. LRM/RLM/ALM and ZWJ/ZWNJ are kept: Arabic uses them.
 */
const strippedChars = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069\uFEFF\uFFF9-\uFFFB]/g;

/** Canonical form of editor text: NFC, LF line ends, no invisible reordering characters, trimmed. */
export function normalizeEditorText(input: string): string {
  return input
    .normalize('NFC')
    .replace(/\r\n?|[\u2028\u2029]/g, '\n')
    .replace(/\t/g, ' ')
    .replace(strippedChars, '')
    .replace(/[ \u00A0]+$/gm, '')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

/** The href to render for a link target, or why it is refused. */
export function safeLinkHref(raw: string): { ok: true; href: string } | { ok: false; problem: LinkProblem } {
  if (raw.length > maxLinkLength) return { ok: false, problem: 'too-long' };
  // Decided on the raw text first: URL parsing drops tabs/newlines and would accept "java\tscript:".
  if (!/^https?:\/\/[^\s]/i.test(raw) || /[\s\u0000-\u001F\u007F]/.test(raw)) {
    return { ok: false, problem: /^[a-z][a-z0-9+.-]*:/i.test(raw) && !/^https?:/i.test(raw) ? 'scheme' : 'invalid' };
  }
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return { ok: false, problem: 'invalid' };
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return { ok: false, problem: 'scheme' };
  if (url.hostname === '') return { ok: false, problem: 'invalid' };
  // https://trusted.example@evil.example reads as the first host and goes to the second.
  if (url.username !== '' || url.password !== '') return { ok: false, problem: 'credentials' };
  // The parser already percent-encodes " < > and spaces; ' too, so the href has no quote of any kind.
  return { ok: true, href: url.href.replace(/'/g, '%27') };
}

const escapable = new Set(['\\', '*', '[', ']', '(', ')']);

interface ParseState {
  /** No `**` closer exists at or after this index of the string being parsed (scan once). */
  noStrongCloserFrom: number;
  readonly diagnostics: LinkDiagnostic[];
}

function isSpace(ch: string | undefined): boolean {
  return ch === undefined || /\s/.test(ch);
}

/** Index of the `**` closing a strong span opened before `from`, or -1. */
function findStrongCloser(s: string, from: number, state: ParseState): number {
  if (from >= state.noStrongCloserFrom) return -1;
  let i = s.indexOf('**', from);
  while (i !== -1) {
    if (i > from && !isSpace(s[i - 1]) && s[i - 1] !== '\\') return i;
    i = s.indexOf('**', i + 1);
  }
  state.noStrongCloserFrom = Math.min(state.noStrongCloserFrom, from);
  return -1;
}

/** Next-occurrence lookups that only move forward, so scanning for link ends stays linear. */
class ForwardIndex {
  private paren = -2;
  private space = -2;
  private readonly spaceRe = /\s/g;
  constructor(private readonly s: string) {}
  nextParen(from: number): number {
    if (this.paren === -2 || (this.paren !== -1 && this.paren < from)) this.paren = this.s.indexOf(')', from);
    return this.paren;
  }
  nextSpace(from: number): number {
    if (this.space === -2 || (this.space !== -1 && this.space < from)) {
      this.spaceRe.lastIndex = from;
      this.space = this.spaceRe.exec(this.s)?.index ?? -1;
    }
    return this.space;
  }
}

/** `[text](url)` starting at `start`, or null. Link text may not contain brackets. */
function matchLink(s: string, start: number, index: ForwardIndex): { text: string; url: string; end: number } | null {
  let i = start + 1;
  let text = '';
  while (i < s.length) {
    const ch = s[i];
    if (ch === '\\' && i + 1 < s.length && escapable.has(s[i + 1] ?? '')) {
      text += ch + (s[i + 1] ?? '');
      i += 2;
      continue;
    }
    if (ch === '[') return null;
    if (ch === ']') break;
    text += ch;
    i += 1;
  }
  if (s[i] !== ']' || s[i + 1] !== '(' || text.trim() === '') return null;
  const urlStart = i + 2;
  // A URL ends at the first ")" and contains no whitespace.
  const close = index.nextParen(urlStart);
  if (close === -1 || close === urlStart) return null;
  const space = index.nextSpace(urlStart);
  if (space !== -1 && space < close) return null;
  return { text, url: s.slice(urlStart, close), end: close + 1 };
}

function parseInline(s: string, allowStrong: boolean, allowLink: boolean, diagnostics: LinkDiagnostic[]): EditorialInline[] {
  const state: ParseState = { noStrongCloserFrom: Number.POSITIVE_INFINITY, diagnostics };
  const index = new ForwardIndex(s);
  const out: EditorialInline[] = [];
  let buffer = '';
  const flush = () => {
    if (buffer !== '') out.push({ type: 'text', value: buffer });
    buffer = '';
  };
  let i = 0;
  while (i < s.length) {
    const ch = s[i] ?? '';
    if (ch === '\\' && i + 1 < s.length && escapable.has(s[i + 1] ?? '')) {
      buffer += s[i + 1];
      i += 2;
      continue;
    }
    if (allowStrong && ch === '*' && s[i + 1] === '*' && !isSpace(s[i + 2]) && s[i + 2] !== '*') {
      const close = findStrongCloser(s, i + 2, state);
      if (close !== -1) {
        flush();
        out.push({ type: 'strong', children: parseInline(s.slice(i + 2, close), false, allowLink, diagnostics) });
        i = close + 2;
        continue;
      }
    }
    if (allowLink && ch === '[') {
      const link = matchLink(s, i, index);
      if (link !== null) {
        const href = safeLinkHref(link.url);
        if (href.ok) {
          flush();
          out.push({ type: 'link', href: href.href, children: parseInline(link.text, allowStrong, false, diagnostics) });
          i = link.end;
          continue;
        }
        // Refused: the whole construct stays visible as text, and the editor is told why.
        state.diagnostics.push({ problem: href.problem, url: link.url });
        buffer += s.slice(i, link.end);
        i = link.end;
        continue;
      }
    }
    buffer += ch;
    i += 1;
  }
  flush();
  return out;
}

export interface ParsedEditorialText {
  readonly paragraphs: readonly EditorialParagraph[];
  readonly diagnostics: readonly LinkDiagnostic[];
}

export function parseEditorialTextWithDiagnostics(source: string): ParsedEditorialText {
  const diagnostics: LinkDiagnostic[] = [];
  const paragraphs = normalizeEditorText(source)
    .split(/\n[ \u00A0]*\n/)
    .map((p) => p.trim())
    .filter((p) => p !== '')
    .map((p): EditorialParagraph => ({ type: 'paragraph', children: parseInline(p, true, true, diagnostics) }));
  return { paragraphs, diagnostics };
}

/** The tree readers are shown: paragraphs of text, strong and link nodes. */
export function parseEditorialText(source: string): readonly EditorialParagraph[] {
  return parseEditorialTextWithDiagnostics(source).paragraphs;
}

function inlinePlain(nodes: readonly EditorialInline[], withUrls: boolean): string {
  return nodes
    .map((n) => {
      if (n.type === 'text') return n.value;
      if (n.type === 'strong') return inlinePlain(n.children, withUrls);
      const label = inlinePlain(n.children, withUrls);
      return withUrls ? `${label} (${n.href})` : label;
    })
    .join('');
}

/**
 * Plain-text projection for feeds, JSON, share cards and announcements: markup removed, link
 * targets dropped (or kept in brackets with `links: 'with-url'`), paragraphs separated by a
 * blank line. The result is text: whoever puts it into HTML must still escape it.
 */
export function editorialPlainText(source: string, options: { links?: 'text' | 'with-url' } = {}): string {
  const withUrls = options.links === 'with-url';
  return parseEditorialText(source)
    .map((p) => inlinePlain(p.children, withUrls))
    .join('\n\n');
}

const htmlEntities: Readonly<Record<string, string>> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#x27;' };

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (ch) => htmlEntities[ch] ?? ch);
}

function inlineHtml(nodes: readonly EditorialInline[]): string {
  return nodes
    .map((n) => {
      if (n.type === 'text') return escapeHtml(n.value);
      if (n.type === 'strong') return `<strong>${inlineHtml(n.children)}</strong>`;
      return `<a href="${escapeHtml(n.href)}" rel="noopener noreferrer">${inlineHtml(n.children)}</a>`;
    })
    .join('');
}

/**
 * Escaped HTML (`<p>`, `<strong>`, `<a href>` only) for feed bodies (RSS description, Atom
 * content, JSON Feed content_html). Wrap it with lib/feeds/html.ts `trustedHtml`.
 */
export function editorialHtml(source: string): string {
  return parseEditorialText(source)
    .map((p) => `<p>${inlineHtml(p.children)}</p>`)
    .join('');
}
