import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import { buildIncidentRss, type IncidentFeedInput } from '@/lib/feeds/incident';
import type { FeedIncidentUpdate } from '@/lib/feeds/types';
import { trustedHtml } from '@/lib/feeds/html';

const ORIGIN = 'https://outage.example';
const parser = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '@_', parseTagValue: false, isArray: (name) => name === 'item' });

function textOf(node: unknown): string {
  return node && typeof node === 'object' && '#text' in node ? String(node['#text']) : '';
}

const arUpdates: FeedIncidentUpdate[] = [
  {
    id: 'u-investigating',
    at: new Date('2025-11-18T11:48:00Z'),
    statusLabel: 'قيد التحقيق',
    text: 'تحقق كلاودفلير في مشكلة تؤثر في عدة عملاء. <script>alert(1)</script> & غيره',
    sourceName: 'Cloudflare Status',
    sourceUrl: 'https://www.cloudflarestatus.com/incidents/abc?utm=1&lang=ar',
  },
  {
    id: 'u-resolved',
    at: new Date('2025-11-18T17:06:00Z'),
    statusLabel: 'تم الحل',
    text: 'عادت جميع الخدمات إلى العمل الطبيعي، بما فيها ChatGPT وإكس.',
    sourceName: 'Cloudflare Status',
    sourceUrl: 'https://www.cloudflarestatus.com/',
  },
  {
    id: 'u-identified',
    at: new Date('2025-11-18T13:09:00Z'),
    statusLabel: 'تم تحديد السبب',
    text: 'حُدد السبب: ملف إعدادات لإدارة البوتات تضاعف حجمه وتجاوز الحد المسموح به في البرنامج الذي يقرأه، فتعطلت الخوادم الوكيلة حول العالم واحدة تلو الأخرى.',
    sourceName: 'The Cloudflare Blog',
    sourceUrl: 'https://blog.cloudflare.com/18-november-2025-outage/',
  },
];

const arInput: IncidentFeedInput = {
  channel: {
    locale: 'ar',
    title: 'انقطاع كلاودفلير · مرصد الانقطاعات',
    description: 'التسلسل الزمني المباشر لعطل كلاودفلير في 18 نوفمبر 2025',
    newsroom: 'فريق تحرير مرصد الانقطاعات',
    siteUrl: ORIGIN,
  },
  incidentId: 'cloudflare-2025-11-18',
  updates: arUpdates,
  sourceLabel: 'المصدر',
};

describe('incident RSS', () => {
  const xml = buildIncidentRss(arInput);
  const channel = parser.parse(xml).rss.channel;
  const items: Record<string, unknown>[] = channel.item;

  it('is well-formed Arabic RSS with one item per update, newest first', () => {
    expect(XMLValidator.validate(xml)).toBe(true);
    expect(channel.language).toBe('ar');
    expect(channel.title).toBe('انقطاع كلاودفلير · مرصد الانقطاعات');
    expect(items.map((i) => textOf(i.guid))).toEqual([
      `${ORIGIN}/ar/incidents/cloudflare-2025-11-18#update-u-resolved`,
      `${ORIGIN}/ar/incidents/cloudflare-2025-11-18#update-u-identified`,
      `${ORIGIN}/ar/incidents/cloudflare-2025-11-18#update-u-investigating`,
    ]);
    expect(items.map((i) => i.pubDate)).toEqual(['Tue, 18 Nov 2025 17:06:00 GMT', 'Tue, 18 Nov 2025 13:09:00 GMT', 'Tue, 18 Nov 2025 11:48:00 GMT']);
    expect(channel.lastBuildDate).toBe('Tue, 18 Nov 2025 17:06:00 GMT');
    expect(channel.link).toBe(`${ORIGIN}/ar/incidents/cloudflare-2025-11-18`);
    expect(channel['atom:link']).toMatchObject({ '@_href': `${ORIGIN}/ar/incidents/cloudflare-2025-11-18/feed.xml`, '@_rel': 'self' });
  });

  it('titles each item with its status and the gist, cut at a word for long updates', () => {
    expect(items[0]?.title).toBe('تم الحل: عادت جميع الخدمات إلى العمل الطبيعي، بما فيها ChatGPT وإكس.');
    const long = String(items[1]?.title);
    expect(long.startsWith('تم تحديد السبب: حُدد السبب: ملف إعدادات')).toBe(true);
    expect(long.endsWith('…')).toBe(true);
    expect(long).not.toMatch(/ …$/);
    expect(items[0]?.category).toBe('تم الحل');
  });

  it('escapes script tags and ampersands in the text, and keeps the source link intact', () => {
    const description = String(items[2]?.description);
    expect(description).toBe(
      '<div dir="rtl" lang="ar"><p>تحقق كلاودفلير في مشكلة تؤثر في عدة عملاء. &lt;script&gt;alert(1)&lt;/script&gt; &amp; غيره</p>' +
        '<p>المصدر: <a href="https://www.cloudflarestatus.com/incidents/abc?utm=1&amp;lang=ar">Cloudflare Status</a></p></div>',
    );
    expect(items[2]?.title).toBe('قيد التحقيق: تحقق كلاودفلير في مشكلة تؤثر في عدة عملاء. <script>alert(1)</script> & غيره');
    expect(xml).not.toMatch(/undefined|\bnull\b|NaN|Invalid Date/);
  });

  it("uses an update's own escaped HTML for the body when given, and its plain text for the title", () => {
    const rss = buildIncidentRss({
      ...arInput,
      updates: [{ ...arUpdates[1]!, text: 'السبب ملف إعدادات', html: trustedHtml('<p>السبب <strong>ملف إعدادات</strong> <a href="https://blog.cloudflare.com/" rel="noopener noreferrer">التقرير</a></p>') }],
    });
    const item = parser.parse(rss).rss.channel.item[0];
    expect(textOf(item.title) || String(item.title)).toBe('تم الحل: السبب ملف إعدادات');
    expect(String(item.description)).toContain('<strong>ملف إعدادات</strong>');
    expect(String(item.description)).toContain('<a href="https://blog.cloudflare.com/" rel="noopener noreferrer">التقرير</a>');
    expect(String(item.description)).not.toContain('&lt;strong&gt;');
  });

  it('writes English feeds too', () => {
    const en = buildIncidentRss({
      ...arInput,
      channel: { ...arInput.channel, locale: 'en', title: 'Cloudflare outage · Outage Watch', description: 'Live timeline', newsroom: 'Outage Watch newsroom' },
      updates: [{ id: 'u-resolved', at: new Date('2025-11-18T17:06:00Z'), statusLabel: 'Resolved', text: 'All services recovered, ChatGPT & X included.', sourceName: 'Cloudflare Status', sourceUrl: 'https://www.cloudflarestatus.com/' }],
      sourceLabel: 'Source',
    });
    const item = parser.parse(en).rss.channel.item[0];
    expect(parser.parse(en).rss.channel.language).toBe('en');
    expect(item.title).toBe('Resolved: All services recovered, ChatGPT & X included.');
    expect(item.link).toBe(`${ORIGIN}/en/incidents/cloudflare-2025-11-18#update-u-resolved`);
    expect(item.description).toMatch(/^<div dir="ltr" lang="en"><p>All services recovered, ChatGPT &amp; X included\.<\/p>/);
  });

  it('refuses a source link that is not http(s)', () => {
    const [first] = arUpdates;
    if (!first) throw new Error('fixture');
    expect(() => buildIncidentRss({ ...arInput, updates: [{ ...first, sourceUrl: 'javascript:alert(1)' }] })).toThrow(/u-investigating.*http\(s\)/);
  });

  it('limits the item count to the most recent updates', () => {
    const limited = parser.parse(buildIncidentRss({ ...arInput, limit: 1 })).rss.channel.item;
    expect(limited).toHaveLength(1);
    expect(limited[0].category).toBe('تم الحل');
  });
});
