import { describe, expect, it } from 'vitest';
import { escapeHtml, html, trustedHtml } from '@/lib/feeds/html';

describe('feed HTML', () => {
  it('escapes markup and quotes in plain text, leaving Arabic untouched', () => {
    expect(escapeHtml(`<script>alert("1")</script> & 'كلاودفلير'`)).toBe('&lt;script&gt;alert(&quot;1&quot;)&lt;/script&gt; &amp; &#39;كلاودفلير&#39;');
  });

  it('escapes every interpolation except trusted markup', () => {
    const body = trustedHtml('<p>توقف <strong>ChatGPT</strong></p>');
    expect(html`<div title="${'"><img src=x onerror=alert(1)>'}">${body}${'<b>إكس</b>'}</div>`.value).toBe(
      '<div title="&quot;&gt;&lt;img src=x onerror=alert(1)&gt;"><p>توقف <strong>ChatGPT</strong></p>&lt;b&gt;إكس&lt;/b&gt;</div>',
    );
  });

  it('nests safely without double escaping', () => {
    const inner = html`<p>${'ChatGPT & إكس'}</p>`;
    expect(html`<div>${inner}</div>`.toString()).toBe('<div><p>ChatGPT &amp; إكس</p></div>');
  });
});
