import { describe, expect, it } from 'vitest';
import { unified } from 'unified';
import remarkParse from 'remark-parse';
import remarkGfm from 'remark-gfm';
import remarkRehype from 'remark-rehype';
import rehypeStringify from 'rehype-stringify';
import { rehypeHeadingIds } from '@/lib/content/plugins/rehype-heading-ids';
import { rehypeCollectHeadings, type TocEntry } from '@/lib/content/plugins/rehype-collect-headings';
import { rehypeHeadingAnchors } from '@/lib/content/plugins/rehype-heading-anchors';
import { rehypeExternalLinks } from '@/lib/content/plugins/rehype-external-links';

async function run(markdown: string, toc: TocEntry[] = [], label = 'رابط إلى هذا القسم') {
  const file = await unified()
    .use(remarkParse)
    .use(remarkGfm)
    .use(remarkRehype)
    .use(rehypeHeadingIds)
    .use(rehypeCollectHeadings, { into: toc })
    .use(rehypeHeadingAnchors, { label })
    .use(rehypeExternalLinks)
    .use(rehypeStringify)
    .process(markdown);
  return String(file);
}

describe('rehypeHeadingIds', () => {
  it('keeps Arabic letters in ids and drops diacritics and punctuation', async () => {
    const html = await run('## لماذا تعطّلت الشبكة؟\n\n## Why it broke: the feature file');
    expect(html).toContain('id="لماذا-تعطلت-الشبكة"');
    expect(html).toContain('id="why-it-broke-the-feature-file"');
  });

  it('makes duplicate Arabic headings unique', async () => {
    const html = await run('## الخلاصة\n\n## الخلاصة');
    expect(html).toContain('id="الخلاصة"');
    expect(html).toContain('id="الخلاصة-1"');
  });
});

describe('rehypeCollectHeadings', () => {
  it('collects h2 and h3 in order, without the anchor text', async () => {
    const toc: TocEntry[] = [];
    await run('## ماذا حدث\n\n### الساعة 11:20\n\n#### تفصيل\n\n## What happened', toc);
    expect(toc).toEqual([
      { id: 'ماذا-حدث', text: 'ماذا حدث', depth: 2 },
      { id: 'الساعة-1120', text: 'الساعة 11:20', depth: 3 },
      { id: 'what-happened', text: 'What happened', depth: 2 },
    ]);
  });

  it('skips the footnotes heading', async () => {
    const toc: TocEntry[] = [];
    await run('## نص\n\nجملة[^a].\n\n[^a]: مصدر.', toc);
    expect(toc.map((t) => t.id)).toEqual(['نص']);
  });
});

describe('rehypeHeadingAnchors', () => {
  it('appends a labelled # link pointing at the heading id', async () => {
    const html = await run('## الأسباب', [], 'رابط إلى هذا القسم');
    expect(html).toContain('<a href="#الأسباب" class="heading-anchor" aria-label="رابط إلى هذا القسم">#</a>');
  });
});

describe('rehypeExternalLinks', () => {
  it('adds noopener noreferrer to external links only', async () => {
    const html = await run('[المدونة](https://blog.cloudflare.com/x) و[المسرد](/ar/glossary)');
    expect(html).toContain('<a href="https://blog.cloudflare.com/x" rel="noopener noreferrer external">المدونة</a>');
    expect(html).toContain('<a href="/ar/glossary">المسرد</a>');
  });
});
