import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import { buildArticlesAtom, buildArticlesJsonFeed, buildArticlesRss, feedArticles } from '@/lib/feeds/articles';
import type { FeedArticle, FeedChannel } from '@/lib/feeds/types';
import { siteUrl } from '@/lib/seo/site';

const ORIGIN = 'https://outage.example';
const XSS_AR = '<script>alert(1)</script> & كلاودفلير';
const XSS_EN = 'Cloudflare & <script>alert(1)</script>';

const arChannel: FeedChannel = {
  locale: 'ar',
  title: 'مرصد الانقطاعات',
  description: 'عطل كلاودفلير في 18 نوفمبر 2025 بالتفصيل',
  newsroom: 'فريق تحرير مرصد الانقطاعات',
  siteUrl: `${ORIGIN}/`,
};
const enChannel: FeedChannel = {
  locale: 'en',
  title: 'Outage Watch',
  description: 'The Cloudflare outage of 18 November 2025, in detail',
  newsroom: 'Outage Watch newsroom',
  siteUrl: ORIGIN,
};

function article(over: Partial<FeedArticle> & Pick<FeedArticle, 'slug' | 'locale' | 'title'>): FeedArticle {
  return {
    summary: over.locale === 'ar' ? 'ملخص قصير للمقال عن عطل كلاودفلير.' : 'A short summary of the Cloudflare outage.',
    html: over.locale === 'ar' ? '<p>توقف <strong>ChatGPT</strong> وإكس.</p>' : '<p><strong>ChatGPT</strong> and X went down.</p>',
    category: 'news',
    categoryLabel: over.locale === 'ar' ? 'أخبار' : 'News',
    author: '',
    published: new Date('2025-11-18T16:00:00Z'),
    updated: new Date('2025-11-18T16:00:00Z'),
    ...over,
  };
}

const articles: FeedArticle[] = [
  article({
    slug: 'why-cloudflare-broke',
    locale: 'ar',
    title: 'لماذا تعطّلت كلاودفلير؟ ملف الميزات الذي تضاعف حجمه',
    category: 'causes',
    categoryLabel: 'الأسباب',
    author: 'ماثيو برينس',
    published: new Date('2025-11-19T09:00:00Z'),
    updated: new Date('2025-11-20T09:00:00Z'),
  }),
  article({ slug: 'cloudflare-outage-november-2025', locale: 'ar', title: 'عطل كلاودفلير يوقف ChatGPT وإكس' }),
  article({ slug: 'xss', locale: 'ar', title: XSS_AR, summary: 'ملخص فيه <b>وسم</b> & رمز', published: new Date('2025-11-18T12:00:00Z'), updated: new Date('2025-11-18T12:00:00Z') }),
  article({ slug: 'secret-draft', locale: 'ar', title: 'مسودة لم تُنشر بعد', draft: true, published: new Date('2025-12-01T00:00:00Z') }),
  article({ slug: 'why-cloudflare-broke', locale: 'en', title: 'Why Cloudflare broke: the feature file that doubled', category: 'causes', categoryLabel: 'Causes', published: new Date('2025-11-19T09:00:00Z'), updated: new Date('2025-11-20T09:00:00Z') }),
  article({ slug: 'cloudflare-outage-november-2025', locale: 'en', title: 'Cloudflare outage takes down ChatGPT and X' }),
  article({ slug: 'xss', locale: 'en', title: XSS_EN, published: new Date('2025-11-18T12:00:00Z'), updated: new Date('2025-11-18T12:00:00Z') }),
  article({ slug: 'secret-draft', locale: 'en', title: 'A draft nobody should see', draft: true, published: new Date('2025-12-01T00:00:00Z') }),
];

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@_',
  parseTagValue: false,
  // Atom entries have several <link>s; RSS items one <link> with text.
  isArray: (name, jpath) => ['item', 'entry', 'category', 'author'].includes(name) || (name === 'link' && String(jpath).startsWith('feed.entry')),
});

/** The text of an element that also has attributes (`{ '#text', '@_type' }`). */
function textOf(node: unknown): string {
  return node && typeof node === 'object' && '#text' in node ? String(node['#text']) : '';
}

/** What a feed reader shows for an HTML-typed field. */
function decodeHtml(text: string): string {
  return text.replace(/&(lt|gt|quot|#39|amp);/g, (_, e: string) => ({ lt: '<', gt: '>', quot: '"', '#39': "'", amp: '&' })[e] ?? '');
}

function elementNames(node: unknown, into: Set<string> = new Set()): Set<string> {
  if (Array.isArray(node)) for (const child of node) elementNames(child, into);
  else if (node && typeof node === 'object') {
    for (const [key, value] of Object.entries(node)) {
      into.add(key);
      elementNames(value, into);
    }
  }
  return into;
}

function expectNoJunk(output: string) {
  expect(output).not.toMatch(/undefined|\bnull\b|NaN|Invalid Date/);
}

/** Every URL-valued attribute and element points at an absolute http(s) URL. */
function expectAbsoluteUrls(xml: string) {
  const values = [
    ...xml.matchAll(/\s(?:href|url|domain|scheme)="([^"]*)"/g),
    ...xml.matchAll(/<(?:link|guid|id)(?:\s[^>]*[^/])?>([^<]*)</g),
  ].map((m) => m[1] ?? '');
  expect(values.length).toBeGreaterThan(5);
  for (const value of values) expect(value).toMatch(/^https?:\/\//);
}

describe('feedArticles', () => {
  it('keeps published articles in the channel language, newest first, and never drafts', () => {
    expect(feedArticles(arChannel, articles).map((a) => a.slug)).toEqual(['why-cloudflare-broke', 'cloudflare-outage-november-2025', 'xss']);
    expect(feedArticles(enChannel, articles, { limit: 1 }).map((a) => a.title)).toEqual(['Why Cloudflare broke: the feature file that doubled']);
  });
});

describe('RSS 2.0', () => {
  const xml = buildArticlesRss(arChannel, articles);
  const doc = parser.parse(xml);
  const channel = doc.rss.channel;
  const items: Record<string, unknown>[] = channel.item;

  it('is well-formed, Arabic, and newest first without drafts', () => {
    expect(XMLValidator.validate(xml)).toBe(true);
    expect(channel.language).toBe('ar');
    expect(channel.title).toBe('مرصد الانقطاعات');
    expect(items.map((i) => i.title)).toEqual(['لماذا تعطّلت كلاودفلير؟ ملف الميزات الذي تضاعف حجمه', 'عطل كلاودفلير يوقف ChatGPT وإكس', XSS_AR]);
    expect(xml).not.toContain('مسودة');
    expect(xml).not.toContain('secret-draft');
    expect(xml).not.toContain('Cloudflare outage takes down');
    expect(channel.lastBuildDate).toBe(new Date('2025-11-20T09:00:00Z').toUTCString());
  });

  it('keeps a script tag and an ampersand in a title as text, and escapes them in HTML fields', () => {
    const xss = items[2] ?? {};
    expect(xss.title).toBe(XSS_AR);
    expect(xss.description).toBe('ملخص فيه &lt;b&gt;وسم&lt;/b&gt; &amp; رمز');
    expect(decodeHtml(String(xss.description))).toBe('ملخص فيه <b>وسم</b> & رمز');
    expect(elementNames(doc).has('script')).toBe(false);
  });

  it('links every item, its share card and the feed itself with absolute URLs', () => {
    const first = items[0] ?? {};
    expect(first.link).toBe(`${ORIGIN}/ar/articles/why-cloudflare-broke`);
    expect(first.enclosure).toEqual({ '@_url': `${ORIGIN}/ar/articles/why-cloudflare-broke/card.png`, '@_length': '0', '@_type': 'image/png' });
    expect(channel['atom:link']).toMatchObject({ '@_href': `${ORIGIN}/ar/feed.xml`, '@_rel': 'self' });
    expectAbsoluteUrls(xml);
  });

  it('carries the body with its direction, the author and the category', () => {
    const first = items[0] ?? {};
    expect(first['content:encoded']).toBe('<div dir="rtl" lang="ar"><p>توقف <strong>ChatGPT</strong> وإكس.</p></div>');
    expect(first['dc:creator']).toBe('ماثيو برينس');
    expect(items[1]?.['dc:creator']).toBe('فريق تحرير مرصد الانقطاعات');
    expect(first.category).toEqual([{ '#text': 'الأسباب', '@_domain': `${ORIGIN}/ar/topics/causes` }]);
    expect(first.pubDate).toBe('Wed, 19 Nov 2025 09:00:00 GMT');
    expectNoJunk(xml);
  });
});

describe('Atom 1.0', () => {
  const xml = buildArticlesAtom(enChannel, articles);
  const feed = parser.parse(xml).feed;
  const entries: Record<string, unknown>[] = feed.entry;

  it('is well-formed, declares its language, and lists entries newest first without drafts', () => {
    expect(XMLValidator.validate(xml)).toBe(true);
    expect(feed['@_xml:lang']).toBe('en');
    expect(parser.parse(buildArticlesAtom(arChannel, articles)).feed['@_xml:lang']).toBe('ar');
    expect(entries.map((e) => decodeHtml(textOf(e.title)))).toEqual([
      'Why Cloudflare broke: the feature file that doubled',
      'Cloudflare outage takes down ChatGPT and X',
      XSS_EN,
    ]);
    expect(xml).not.toContain('draft');
    expect(feed.updated).toBe('2025-11-20T09:00:00.000Z');
  });

  it('escapes the type="html" title so a reader shows the script tag as text', () => {
    const title = entries[2]?.title;
    expect(title).toEqual({ '#text': 'Cloudflare &amp; &lt;script&gt;alert(1)&lt;/script&gt;', '@_type': 'html' });
    expect(elementNames(parser.parse(xml)).has('script')).toBe(false);
  });

  it('gives categories a term, entries an author, and every link an absolute URL', () => {
    const first = entries[0] ?? {};
    expect(first.category).toEqual([{ '@_label': 'Causes', '@_scheme': `${ORIGIN}/en/topics/`, '@_term': 'causes' }]);
    expect(first.author).toEqual([{ name: 'Outage Watch newsroom' }]);
    expect(first.link).toEqual([
      { '@_href': `${ORIGIN}/en/articles/why-cloudflare-broke` },
      { '@_rel': 'enclosure', '@_href': `${ORIGIN}/en/articles/why-cloudflare-broke/card.png`, '@_type': 'image/png' },
    ]);
    expect(first.published).toBe('2025-11-19T09:00:00.000Z');
    expectAbsoluteUrls(xml);
    expectNoJunk(xml);
  });

  it('writes Arabic text and the Arabic body direction', () => {
    const arXml = buildArticlesAtom(arChannel, articles);
    const arEntries: Record<string, unknown>[] = parser.parse(arXml).feed.entry;
    expect(decodeHtml(textOf(arEntries[2]?.title))).toBe(XSS_AR);
    expect(textOf(arEntries[0]?.content)).toMatch(/^<div dir="rtl" lang="ar">/);
    expectNoJunk(arXml);
  });
});

describe('JSON Feed 1.1', () => {
  const text = buildArticlesJsonFeed(arChannel, articles);
  const feed = JSON.parse(text);

  it('declares version 1.1, the language and absolute feed URLs', () => {
    expect(feed.version).toBe('https://jsonfeed.org/version/1.1');
    expect(feed.language).toBe('ar');
    expect(feed.title).toBe('مرصد الانقطاعات');
    expect(feed.home_page_url).toBe(`${ORIGIN}/ar`);
    expect(feed.feed_url).toBe(`${ORIGIN}/ar/feed.json`);
    expect(feed.authors).toEqual([{ name: 'فريق تحرير مرصد الانقطاعات', url: `${ORIGIN}/ar` }]);
    expect(feed).not.toHaveProperty('author');
  });

  it('lists items newest first with plain-text titles and HTML bodies, never drafts', () => {
    expect(feed.items.map((i: { title: string }) => i.title)).toEqual([
      'لماذا تعطّلت كلاودفلير؟ ملف الميزات الذي تضاعف حجمه',
      'عطل كلاودفلير يوقف ChatGPT وإكس',
      XSS_AR,
    ]);
    const first = feed.items[0];
    expect(first).toMatchObject({
      id: `${ORIGIN}/ar/articles/why-cloudflare-broke`,
      url: `${ORIGIN}/ar/articles/why-cloudflare-broke`,
      image: `${ORIGIN}/ar/articles/why-cloudflare-broke/card.png`,
      content_html: '<div dir="rtl" lang="ar"><p>توقف <strong>ChatGPT</strong> وإكس.</p></div>',
      summary: 'ملخص قصير للمقال عن عطل كلاودفلير.',
      date_published: '2025-11-19T09:00:00.000Z',
      date_modified: '2025-11-20T09:00:00.000Z',
      authors: [{ name: 'ماثيو برينس' }],
      tags: ['الأسباب'],
    });
    expect(first).not.toHaveProperty('author');
    expect(feed.items[2].summary).toBe('ملخص فيه <b>وسم</b> & رمز');
    expect(text).not.toContain('مسودة');
    expectNoJunk(text);
  });
});

describe('feed origin', () => {
  it('defaults to the validated SITE_URL and rejects a relative origin', () => {
    const { siteUrl: _omit, ...withoutOrigin } = enChannel;
    const feed = JSON.parse(buildArticlesJsonFeed(withoutOrigin, articles));
    expect(feed.home_page_url).toBe(`${siteUrl}/en`);
    expect(() => buildArticlesRss({ ...enChannel, siteUrl: '/relative' }, articles)).toThrow(/absolute http\(s\) URL/);
  });

  it('produces an empty but valid feed with a fixed date when nothing is published', () => {
    const xml = buildArticlesRss(enChannel, articles.filter((a) => a.draft), {});
    expect(XMLValidator.validate(xml)).toBe(true);
    expect(parser.parse(xml).rss.channel.lastBuildDate).toBe(new Date(0).toUTCString());
    expectNoJunk(xml);
  });
});
