import { describe, expect, it } from 'vitest';
import { getAllArticleFiles, type Article } from '@/lib/content/articles';
import { getGlossary } from '@/lib/content/glossary';
import { bundledIncidentIds, checkArticles, scanMdx, type SiteIndex } from '@/lib/content/content-check';
import { frontmatterSchema } from '@/lib/content/schema';

const site: SiteIndex = {
  glossaryIds: new Set(getGlossary().map((t) => t.id)),
  incidentIds: bundledIncidentIds(),
  aboutSections: new Set(['what', 'standards', 'corrections', 'contact']),
};

describe('the bundled content passes every editorial check', () => {
  const articles = getAllArticleFiles();

  it('has articles', () => {
    expect(articles.length).toBeGreaterThan(0);
  });

  it('has no problems', () => {
    const problems = checkArticles(articles, site).map((p) => `${p.file}: ${p.message}`);
    expect(problems).toEqual([]);
  });
});

// The checker itself, on small made-up articles, so a broken checker cannot pass silently.
const words = (n: number, w: string) => Array.from({ length: n }, () => w).join(' ');

function fake(locale: 'ar' | 'en', body: string, sources = ['p1', 'p2', 'p3'], slug = 'sample'): Article {
  const frontmatter = frontmatterSchema.parse({
    title: 'عنوان تجريبي طويل بما يكفي',
    summary: 'ملخص تجريبي طويل بما يكفي ليمر على قواعد التحقق من صحة البيانات الوصفية للمقال.',
    published: '2025-11-18T18:00:00Z',
    updated: '2025-11-18T18:00:00Z',
    category: 'news',
    incident: 'cloudflare-2025-11-18',
    sources: sources.map((id) => ({ id, title: `Source ${id}`, publisher: 'Pub', url: `https://example.com/${id}`, date: '2025-11-18' })),
  });
  return { slug, locale, file: `content/articles/${slug}/${locale}.mdx`, frontmatter, body, readingMinutes: 1 };
}

const goodBody = (l: string) => `${words(850, l === 'ar' ? 'كلمة' : 'word')}[^p1] [^p2] [^p3]\n\n[^p1]: a\n[^p2]: b\n[^p3]: c\n`;
const testSite: SiteIndex = { glossaryIds: new Set(['cdn']), incidentIds: new Set(['cloudflare-2025-11-18']), aboutSections: new Set(['corrections']) };

describe('checkArticles', () => {
  it('accepts a well-formed pair', () => {
    expect(checkArticles([fake('ar', goodBody('ar')), fake('en', goodBody('en'))], testSite)).toEqual([]);
  });

  it('flags a missing language', () => {
    const p = checkArticles([fake('ar', goodBody('ar'))], testSite);
    expect(p.map((x) => x.message)).toContain('has no en.mdx: every article is published in both languages');
  });

  it('flags footnotes defined but not referenced, and referenced but not defined', () => {
    const body = `${words(850, 'كلمة')}[^p1] [^p2] [^p3] [^p9]\n\n[^p1]: a\n[^p2]: b\n[^p3]: c\n[^zz]: d\n`;
    const msgs = checkArticles([fake('ar', body), fake('en', goodBody('en'))], testSite).map((x) => x.message);
    expect(msgs).toContain('footnote [^p9] is referenced but never defined');
    expect(msgs).toContain('footnote [^zz] is defined but never referenced');
  });

  it('flags internal links that point nowhere and Terms without a glossary entry', () => {
    const body = `${goodBody('ar')}\n[x](/ar/articles/missing) [y](/ar/glossary#nope) [ok](/ar/glossary#cdn) [t](/ar/incidents/cloudflare-2025-11-18) <Term id="dns">DNS</Term> <Term id="cdn">CDN</Term>`;
    const msgs = checkArticles([fake('ar', body), fake('en', goodBody('en'))], testSite).map((x) => x.message);
    expect(msgs).toContain('internal link "/ar/articles/missing" points nowhere');
    expect(msgs).toContain('internal link "/ar/glossary#nope" points nowhere');
    expect(msgs).toContain('<Term id="dns"> has no glossary entry');
    expect(msgs.filter((m) => m.includes('cdn') || m.includes('incidents'))).toEqual([]);
  });

  it('flags languages that cite different sources, and too few sources', () => {
    const en = fake('en', `${words(850, 'word')}[^p1] [^p2] [^p4]\n\n[^p1]: a\n[^p2]: b\n[^p4]: c\n`, ['p1', 'p2', 'p4']);
    const msgs = checkArticles([fake('ar', goodBody('ar')), en], testSite).map((x) => x.message);
    expect(msgs).toContain('the two languages cite different sets of sources');
  });

  it('flags articles that are too short', () => {
    const body = 'قصير[^p1][^p2][^p3]\n\n[^p1]: a\n[^p2]: b\n[^p3]: c\n';
    const msgs = checkArticles([fake('ar', body), fake('en', goodBody('en'))], testSite).map((x) => x.message);
    expect(msgs.some((m) => /has \d+ words/.test(m))).toBe(true);
  });
});

describe('scanMdx', () => {
  it('finds Terms, links and footnotes in Arabic MDX', () => {
    const s = scanMdx('تعطلت <Term id="cdn">شبكة توصيل المحتوى</Term>[^p1] ([الشرح](/ar/articles/why-cloudflare-broke)).\n\n[^p1]: المصدر.');
    expect(s.terms).toEqual(['cdn']);
    expect(s.links).toEqual(['/ar/articles/why-cloudflare-broke']);
    expect([...s.footnoteRefs]).toEqual(['p1']);
    expect([...s.footnoteDefs]).toEqual(['p1']);
  });
});
