import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { editorialHtml, editorialPlainText } from '@/lib/desk/markdown';
import { EditorialText } from '@/lib/desk/markdown-react';
import { editorialTextElements } from '@/lib/desk/markdown-dom';

/**
 * Whatever an editor types, the rendered output may contain only <p>, <s>, <strong> and
 * <a href="http(s)://…" rel="…">; everything else must come out as text.
 */
const corpus: readonly string[] = [
  '<script>alert(1)</script>',
  '<SCRIPT SRC=//evil.example/x.js></SCRIPT>',
  '<scr<script>ipt>alert(1)</script>',
  '"><script>alert(1)</script>',
  "'><img src=x onerror=alert(1)>",
  '<img src=x onerror="alert(1)">',
  '<svg onload=alert(1)>',
  '<svg><script>alert(1)</script></svg>',
  '<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>',
  '<iframe src="javascript:alert(1)"></iframe>',
  '<a href="javascript:alert(1)">x</a>',
  '<body onload=alert(1)>',
  '<div style="background:url(javascript:alert(1))">',
  '<!--<img src=x onerror=alert(1)>-->',
  '<style>@import "//evil.example/x.css";</style>',
  '[click](javascript:alert(1))',
  '[click](JaVaScRiPt:alert(1))',
  '[click](  javascript:alert(1))',
  '[click](java\tscript:alert(1))',
  '[click](java&#09;script:alert(1))',
  '[click](javascript&#58;alert(1))',
  '[click](&#106;&#97;&#118;&#97;&#115;&#99;&#114;&#105;&#112;&#116;&#58;alert(1))',
  '[click](%6A%61%76%61%73%63%72%69%70%74:alert(1))',
  '[click](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)',
  '[click](DATA:text/html,<script>alert(1)</script>)',
  '[click](vbscript:msgbox(1))',
  '[click](VBScript:msgbox(1))',
  '[click](//evil.example/x)',
  '[click](https://evil.example/"onmouseover="alert(1))',
  '[click](https://evil.example/x"><script>alert(1)</script>)',
  "[click](https://evil.example/x'onclick='alert(1))",
  '[click](https://trusted.example@evil.example/)',
  '[click](https:javascript:alert(1))',
  '[click](https://evil.example/\u202Egnp.exe)',
  '[<img src=x onerror=alert(1)>](https://example.org)',
  '[x](https://example.org)<script>alert(1)</script>',
  '**<script>alert(1)</script>**',
  '**[x](javascript:alert(1))**',
  '[**x**](javascript:alert(1))',
  '[a](https://ok.example)(javascript:alert(1))',
  '[[a](https://ok.example)](javascript:alert(1))',
  '[a](https://ok.example) [b](javascript:alert(1)) [c](https://ok.example/c)',
  '\u202Etxt.exe\u202C [safe](https://example.org/\u202Eexe)',
  'مرحبا \u202Dabc\u202C \u2066isolate\u2069 \u200Fنص',
  '&lt;script&gt;alert(1)&lt;/script&gt;',
  '&#60;script&#62;alert(1)&#60;/script&#62;',
  '\u003cscript\u003ealert(1)\u003c/script\u003e',
  '<scr\u0000ipt>alert(1)</scr\u0000ipt>',
  '`<script>` ${alert(1)} {{constructor.constructor("alert(1)")()}}',
  '<a href="https://example.org" onclick="alert(1)">x</a>',
  '<form action="https://evil.example"><input name=x></form>',
  '<meta http-equiv="refresh" content="0;url=javascript:alert(1)">',
  '<base href="https://evil.example/">',
  '<link rel=stylesheet href=https://evil.example/x.css>',
  '<object data="javascript:alert(1)"></object>',
  '<embed src="javascript:alert(1)">',
  '<template><script>alert(1)</script></template>',
  '<noscript><p title="</noscript><img src=x onerror=alert(1)>">',
  '<x onpointerenter=alert(1)>hover</x>',
  `${'**'.repeat(5000)}<script>alert(1)</script>${'['.repeat(5000)}`,
  `[${'a'.repeat(10_000)}](javascript:${'b'.repeat(10_000)})`,
  `**${'[x](https://example.org/'.repeat(2000)}**`,
  'x'.repeat(200_000) + '<script>alert(1)</script>',
];

const allowedTags = new Set(['p', 's', 'strong', 'a']);

/** Every tag in rendered markup: name and raw attribute text. */
function tags(markup: string): { name: string; attrs: string }[] {
  return [...markup.matchAll(/<\/?([a-zA-Z][a-zA-Z0-9-]*)([^>]*)>/g)].map((m) => ({ name: (m[1] ?? '').toLowerCase(), attrs: m[2] ?? '' }));
}

function assertSafe(markup: string): void {
  for (const tag of tags(markup)) {
    expect(allowedTags.has(tag.name), `unexpected <${tag.name}> in ${markup.slice(0, 200)}`).toBe(true);
    const attrs = [...tag.attrs.matchAll(/\s([a-zA-Z-:]+)=("[^"]*"|'[^']*'|[^\s>]+)/g)].map((m) => ({ name: (m[1] ?? '').toLowerCase(), value: (m[2] ?? '').replace(/^["']|["']$/g, '') }));
    const residue = tag.attrs.replace(/\s([a-zA-Z-:]+)=("[^"]*"|'[^']*'|[^\s>]+)/g, '').trim();
    expect(residue, `stray attribute text in <${tag.name}${tag.attrs}>`).toBe('');
    for (const attr of attrs) {
      expect(['href', 'rel'], `attribute ${attr.name} on <${tag.name}>`).toContain(attr.name);
      if (attr.name === 'href') {
        expect(tag.name).toBe('a');
        expect(attr.value).toMatch(/^https?:\/\/[^\s"'<>]+$/);
        expect(attr.value.toLowerCase()).not.toMatch(/javascript:|data:|vbscript:/);
        expect(attr.value).not.toMatch(/[\u202A-\u202E\u2066-\u2069]/);
      }
    }
  }
  expect(markup).not.toMatch(/<(script|img|svg|iframe|object|embed|style|link|meta|base|form|math|template|body)\b/i);
  expect(markup).not.toMatch(/[\u202A-\u202E\u2066-\u2069]/);
}

/** A minimal Document for the DOM renderer: records elements and attributes, serialises as HTML-like markup. */
class FakeNode {
  readonly children: FakeNode[] = [];
  readonly attributes: [string, string][] = [];
  constructor(
    readonly tagName: string | null,
    readonly text = '',
  ) {}
  appendChild<T extends FakeNode>(child: T): T {
    this.children.push(child);
    return child;
  }
  setAttribute(name: string, value: string): void {
    this.attributes.push([name, value]);
  }
  serialize(): string {
    if (this.tagName === null) return this.text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
    const attrs = this.attributes.map(([k, v]) => ` ${k}="${v.replace(/&/g, '&amp;').replace(/"/g, '&quot;')}"`).join('');
    return `<${this.tagName}${attrs}>${this.children.map((c) => c.serialize()).join('')}</${this.tagName}>`;
  }
}
const fakeDocument = { createElement: (tag: string) => new FakeNode(tag), createTextNode: (text: string) => new FakeNode(null, text) } as unknown as Document;

describe('XSS corpus: editor text never becomes executable markup', () => {
  it.each(corpus.map((payload, i) => [i, payload] as const))('payload #%i', (_i, payload) => {
    const react = renderToStaticMarkup(<EditorialText text={payload} />);
    assertSafe(react);
    assertSafe(renderToStaticMarkup(<EditorialText text={payload} struck />));
    const feed = editorialHtml(payload);
    assertSafe(feed);
    const dom = editorialTextElements(payload, { document: fakeDocument }).map((p) => (p as unknown as FakeNode).serialize()).join('');
    assertSafe(dom);
    // The three renderers agree (React adds no markup of its own for these elements).
    expect(feed).toBe(react);
    expect(dom).toBe(react.replace(/&quot;/g, '"').replace(/&#x27;/g, "'").replace(/&#39;/g, "'").replace(/href="([^"]*)"/g, (_m, v: string) => `href="${v.replace(/"/g, '&quot;')}"`));

    const plain = editorialPlainText(payload);
    expect(plain).not.toMatch(/[\u202A-\u202E\u2066-\u2069]/);
    // JSON keeps it a string; the desk API additionally escapes "<" as \u003c.
    expect(JSON.parse(JSON.stringify({ text: plain })).text).toBe(plain);
  });

  it('keeps a safe link safe and points it where it says', () => {
    const html = editorialHtml('[a](https://ok.example) [b](javascript:alert(1))');
    expect(html).toBe('<p><a href="https://ok.example/" rel="noopener noreferrer">a</a> [b](javascript:alert(1))</p>');
  });

  it('percent-encodes quotes and brackets in URLs, so attributes cannot be broken out of', () => {
    expect(editorialHtml('[x](https://e.example/"onmouseover="alert(1))')).toBe('<p><a href="https://e.example/%22onmouseover=%22alert(1" rel="noopener noreferrer">x</a>)</p>');
  });
});
