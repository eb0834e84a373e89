import { describe, expect, it } from 'vitest';
import { toPlainText } from '@/lib/incidents/statuspage/sanitize';

describe('toPlainText', () => {
  it('drops scripts and styles with their content, and other tags', () => {
    expect(toPlainText('<p>We are <b>investigating</b>.</p><script>alert(document.cookie)</script><style>p{}</style>', 500)).toBe('We are investigating.');
  });

  it('does not let escaped markup come back as markup', () => {
    const out = toPlainText('Fixed &lt;script&gt;alert(1)&lt;/script&gt; and &lt;img src=x onerror=alert(1)&gt; done', 500);
    expect(out).not.toMatch(/<\s*(script|img)/i);
    expect(out).toBe('Fixed and done');
  });

  it('handles unterminated tags and comments', () => {
    expect(toPlainText('ok <script>never closed', 100)).toBe('ok');
    expect(toPlainText('ok <!-- hidden', 100)).toBe('ok');
    expect(toPlainText('ok <img src=x onerror=alert(1)', 100)).toBe('ok');
  });

  it('decodes entities and keeps text that merely contains angle brackets', () => {
    expect(toPlainText('errors &amp; latency &gt; normal; 5 &lt; 6 &#8212; &#x2713; &bogus;', 200)).toBe('errors & latency > normal; 5 < 6 — ✓ &bogus;');
    expect(toPlainText('a < b and c > d', 100)).toBe('a < b and c > d');
  });

  it('keeps line breaks as newlines and collapses runs of whitespace', () => {
    expect(toPlainText('line one<br>line   two\r\n\r\n\r\n\r\nline three', 100)).toBe('line one\nline two\n\nline three');
  });

  it('removes control and bidi-override characters but keeps Arabic and direction marks', () => {
    expect(toPlainText('كلاودفلير\u202Eevil\u0007 \u200Fنص', 100)).toBe('كلاودفليرevil \u200Fنص');
  });

  it('caps the length without splitting a character', () => {
    const out = toPlainText('😀'.repeat(10), 5);
    expect(Array.from(out)).toHaveLength(5);
    expect(out.endsWith('…')).toBe(true);
    // encodeURIComponent throws on a lone surrogate.
    expect(() => encodeURIComponent(out)).not.toThrow();
  });
});
