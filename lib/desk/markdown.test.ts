import { describe, expect, it } from 'vitest';
import { editorialHtml, editorialPlainText, normalizeEditorText, parseEditorialText, parseEditorialTextWithDiagnostics, safeLinkHref } from '@/lib/desk/markdown';

describe('the markdown subset', () => {
  it('splits paragraphs on blank lines, in Arabic and English', () => {
    expect(editorialHtml('الفقرة الأولى.\n\nالفقرة الثانية.')).toBe('<p>الفقرة الأولى.</p><p>الفقرة الثانية.</p>');
    expect(editorialHtml('One.\n\n\n\nTwo.\nstill two')).toBe('<p>One.</p><p>Two.\nstill two</p>');
  });

  it('renders **bold** and [links](https://…), in Arabic and English', () => {
    expect(editorialHtml('أعلنت **كلاودفلير** [في مدونتها](https://blog.cloudflare.com/x) السبب.')).toBe(
      '<p>أعلنت <strong>كلاودفلير</strong> <a href="https://blog.cloudflare.com/x" rel="noopener noreferrer">في مدونتها</a> السبب.</p>',
    );
    expect(editorialHtml('**See [the post](http://example.org/a?b=1&c=2)** now')).toBe(
      '<p><strong>See <a href="http://example.org/a?b=1&amp;c=2" rel="noopener noreferrer">the post</a></strong> now</p>',
    );
    expect(editorialHtml('[**bold link**](https://example.org)')).toBe('<p><a href="https://example.org/" rel="noopener noreferrer"><strong>bold link</strong></a></p>');
  });

  it('leaves what is not the subset as text', () => {
    expect(editorialHtml('2 ** 3 and a * b and ** c** and **d **')).toBe('<p>2 ** 3 and a * b and ** c** and **d **</p>');
    expect(editorialHtml('# heading\n- item\n> quote _x_ `code`')).toBe('<p># heading\n- item\n&gt; quote _x_ `code`</p>');
    expect(editorialHtml('[no url] and [empty]() and [ ](https://example.org)')).toBe('<p>[no url] and [empty]() and [ ](https://example.org)</p>');
    expect(editorialHtml('\\*\\*not bold\\*\\* and \\[x\\](https://example.org)')).toBe('<p>**not bold** and [x](https://example.org)</p>');
  });

  it('does not nest links or bold inside bold', () => {
    expect(editorialHtml('[a [b](https://b.example)](https://a.example)')).toBe('<p>[a <a href="https://b.example/" rel="noopener noreferrer">b</a>](https://a.example)</p>');
    expect(parseEditorialText('**a **b** c**')[0]?.children[0]).toEqual({ type: 'strong', children: [{ type: 'text', value: 'a **b' }] });
  });

  it('refuses link targets that are not absolute http(s) URLs and says why', () => {
    const parsed = parseEditorialTextWithDiagnostics('[x](javascript:alert(1)) [y](ftp://example.org) [z](/relative) [w](https://user:pw@example.org)');
    expect(parsed.diagnostics.map((d) => d.problem)).toEqual(['scheme', 'scheme', 'invalid', 'credentials']);
    expect(editorialHtml('[x](javascript:alert(1))')).toBe('<p>[x](javascript:alert(1))</p>');
    expect(safeLinkHref('HTTPS://Example.ORG/a b').ok).toBe(false);
    expect(safeLinkHref('https://example.org/path').ok).toBe(true);
  });

  it('normalises: line ends, bidi overrides and controls removed, Arabic joiners and marks kept', () => {
    expect(normalizeEditorText('a\r\nb\u2028c\u202Ed\u2066e\u2069\u0000f\uFEFF  \n\n\n\ng')).toBe('a\nb\ncdef\n\ng');
    expect(normalizeEditorText('می\u200Cخواهم \u200Fنص\u200E')).toBe('می\u200Cخواهم \u200Fنص\u200E');
    // Arabic in decomposed form comes out composed (NFC), so search and comparison work.
    expect(normalizeEditorText('\u0627\u0653')).toBe('\u0622');
  });

  it('projects to plain text for feeds, JSON and cards', () => {
    expect(editorialPlainText('**عاجل:** [التفاصيل](https://example.org/a)\n\nالفقرة <b>الثانية</b>')).toBe('عاجل: التفاصيل\n\nالفقرة <b>الثانية</b>');
    expect(editorialPlainText('See [the post](https://example.org/a).', { links: 'with-url' })).toBe('See the post (https://example.org/a).');
  });

  it('is linear on hostile input', () => {
    const hostile = ['**a '.repeat(20_000), '['.repeat(50_000), '[a]('.repeat(20_000), `[x](https://${'a'.repeat(100_000)}`].join('\n\n');
    const started = performance.now();
    const out = editorialHtml(hostile);
    expect(performance.now() - started).toBeLessThan(2000);
    expect(out).not.toContain('<a ');
  });
});
