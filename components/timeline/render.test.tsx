import { describe, expect, it } from 'vitest';
import { renderToStaticMarkup } from 'react-dom/server';
import { createTranslator, type AbstractIntlMessages } from 'next-intl';
import { localeConfig, type Locale } from '@/lib/i18n/locales';
import type { Incident } from '@/lib/incidents/model';
import type { IncidentView } from '@/lib/incidents/view';
import ar from '@/messages/ar.json';
import en from '@/messages/en.json';
import { buildTimelineLabels } from '@/components/timeline/load-labels';
import { TimelineEntry } from '@/components/timeline/TimelineEntry';
import { TimelineHeader } from '@/components/timeline/TimelineHeader';
import { liveBlogPostingLd } from '@/components/timeline/live-blog-ld';
import { entry } from '@/components/timeline/fixtures';

const messages = { ar, en };

function labels(locale: Locale) {
  // Widened to untyped messages so the translator takes plain string keys, as in load-labels.ts.
  const all: AbstractIntlMessages = messages[locale];
  const t = createTranslator({ locale, messages: all, namespace: 'Timeline' });
  const s = createTranslator({ locale, messages: all, namespace: 'Share' });
  return buildTimelineLabels(t, s, localeConfig(locale).intlLocale);
}

function renderEntry(locale: Locale, e: ReturnType<typeof entry>): string {
  return renderToStaticMarkup(<TimelineEntry entry={e} locale={locale} labels={labels(locale)} permalink={`/${locale}/incidents/x#update-${e.id}`} heading="h3" />);
}

const official = entry({ id: 'sp-u1', at: '2025-11-18T11:48:00Z', text: { en: 'Cloudflare is aware of, and investigating, an issue.' }, key: true });

describe('a timeline entry rendered on the server', () => {
  it('en: permalink anchor, <time datetime>, status, official badge, key marker, source link', () => {
    const html = renderEntry('en', official);
    expect(html).toContain('id="update-sp-u1"');
    expect(html).toContain('href="/en/incidents/x#update-sp-u1"');
    expect(html).toContain('<time dateTime="2025-11-18T11:48:00Z" data-precision="minute"><span class="tl-utc">18 Nov 2025, 11:48 UTC</span>');
    expect(html).toContain('data-status="investigating">Investigating<');
    expect(html).toContain('data-kind="official">Official<');
    expect(html).toContain('Key event');
    expect(html).toContain('href="https://www.cloudflarestatus.com/incidents/x"');
    expect(html).not.toContain('Awaiting');
  });

  it('ar: an English-only update says it awaits Arabic and shows the original marked lang="en" dir="ltr"', () => {
    const html = renderEntry('ar', official);
    expect(html).toContain('بانتظار النسخة العربية');
    expect(html).toContain('<div class="tl-original" lang="en" dir="ltr"><p>Cloudflare is aware of, and investigating, an issue.</p></div>');
    expect(html).toContain('data-status="investigating">قيد التحقيق<');
    expect(html).toContain('data-kind="official">رسمي<');
  });

  it('en: an Arabic-only newsroom note awaits English and keeps its own lang="ar" dir="rtl"', () => {
    const html = renderEntry('en', entry({ id: 'nr-1', at: '2025-11-18T12:00:00Z', kind: 'editorial', text: { ar: 'ملاحظة من غرفة الأخبار.' } }));
    expect(html).toContain('Awaiting the English version');
    expect(html).toContain('lang="ar" dir="rtl"');
    expect(html).toContain('data-kind="editorial">Newsroom<');
  });

  it('update text is text: markup in it is escaped, never interpreted', () => {
    const html = renderEntry('en', entry({ id: 'sp-x', at: '2025-11-18T12:00:00Z', text: { en: '<img src=x onerror=alert(1)>' } }));
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;');
    expect(html).not.toContain('<img');
  });

  it("the newsroom's markup (bold, links) is rendered in editorial text and in Arabic; a provider's English stays literal", () => {
    const note = renderEntry('en', entry({ id: 'ed-1', at: '2025-11-18T12:00:00Z', kind: 'editorial', text: { en: 'The cause is **a file**. See [the post](https://blog.cloudflare.com/) [x](javascript:alert(1))' } }));
    expect(note).toContain('<strong>a file</strong>');
    expect(note).toContain('<a href="https://blog.cloudflare.com/" rel="noopener noreferrer">the post</a>');
    expect(note).not.toContain('href="javascript:');
    const translated = renderEntry('ar', entry({ id: 'sp-2', at: '2025-11-18T12:00:00Z', text: { en: 'We are **investigating**.', ar: 'نحقّق في **المشكلة**.' } }));
    expect(translated).toContain('<strong>المشكلة</strong>');
    const upstream = renderEntry('en', entry({ id: 'sp-3', at: '2025-11-18T12:00:00Z', text: { en: 'We are **investigating** [here](https://evil.example/).' } }));
    expect(upstream).toContain('We are **investigating** [here](https://evil.example/).');
    expect(upstream).not.toContain('<strong>');
    expect(upstream).not.toContain('href="https://evil.example/"');
  });

  it('a corrected entry shows "corrected at" and keeps the original in <details>, in both languages', () => {
    const corrected = entry({
      id: 'sp-u2',
      at: '2025-11-18T12:00:00Z',
      status: 'identified',
      text: { ar: 'النص المصحح.', en: 'Corrected text.' },
      original: { status: 'investigating', text: { ar: 'النص الأول.', en: 'First text.' } },
      corrections: [{ id: 'sp-u2-c1', seq: 4, at: '2025-11-18T12:30:00Z', status: 'identified', text: { ar: 'النص المصحح.', en: 'Corrected text.' }, source: official.source }],
      correctedAt: '2025-11-18T12:30:00Z',
    });
    const enHtml = renderEntry('en', corrected);
    expect(enHtml).toContain('Corrected at <time dateTime="2025-11-18T12:30:00Z"');
    expect(enHtml).toMatch(/<details class="tl-history"><summary>Show the original version<\/summary>.*As first published \(Investigating\).*First text\./);
    expect(enHtml).toContain('data-rev="1:"');
    const arHtml = renderEntry('ar', corrected);
    expect(arHtml).toContain('صُحّح في <time');
    expect(arHtml).toContain('النص الأول.');
  });

  it('a retracted entry stays, struck through and labelled with the retraction time', () => {
    const retracted = entry({
      id: 'nr-2',
      at: '2025-11-18T13:00:00Z',
      kind: 'editorial',
      retracted: { id: 'nr-2-r', seq: 7, at: '2025-11-18T13:20:00Z', text: { ar: 'لم يتأكد الخبر.', en: 'The report was not confirmed.' }, source: official.source },
    });
    const html = renderEntry('en', retracted);
    expect(html).toContain('data-retracted="1"');
    expect(html).toContain('Retracted at <time dateTime="2025-11-18T13:20:00Z"');
    expect(html).toContain('<p><s>We are investigating.</s></p>');
    expect(html).toContain('The report was not confirmed.');
    expect(renderEntry('ar', retracted)).toContain('سُحب في <time');
  });

  it('a date-only entry shows the date alone', () => {
    const html = renderEntry('ar', entry({ id: 'pm-1', at: '2025-11-18T23:59:00Z', atPrecision: 'day', status: 'postmortem' }));
    // A calendar day, not an instant: the datetime attribute is the date too.
    expect(html).toContain('<time dateTime="2025-11-18" data-precision="day"><span class="tl-utc">18 نوفمبر 2025</span>');
    expect(html.replace(/"[^"]*"/g, '""')).not.toContain('23:59');
  });
});

describe("an update's share disclosure and relative time", () => {
  it('six short first-party links per update, behind a closed <details>', () => {
    const html = renderToStaticMarkup(
      <TimelineEntry entry={official} locale="ar" labels={labels('ar')} permalink="/ar/incidents/x#update-sp-u1" heading="h3" sharePagePath="/ar/incidents/x" />,
    );
    expect(html).toContain('<details class="share-bar share-bar-compact tl-share"><summary>مشاركة</summary><ul>');
    for (const n of ['x', 'whatsapp', 'telegram', 'facebook', 'linkedin', 'email']) {
      expect(html).toContain(`<a href="/ar/incidents/x/share/${n}/sp-u1" target="_blank" rel="noreferrer" data-network="${n}"`);
    }
    expect(html).toContain('data-network="whatsapp">واتساب</a>');
    // No third-party URL and no client component in the server's markup.
    expect(html).not.toMatch(/https:\/\/(x\.com|wa\.me|t\.me|www\.facebook|www\.linkedin)|mailto:|<button/);
    // The embed has none.
    expect(renderEntry('ar', official)).not.toContain('tl-share');
  });

  it('prints "… ago" beside the time when given the render time, never for a date-only entry', () => {
    const now = Date.parse('2025-11-18T14:48:00Z');
    const html = renderToStaticMarkup(<TimelineEntry entry={official} locale="en" labels={labels('en')} permalink="/" heading="h3" nowMs={now} />);
    expect(html).toContain('<span class="tl-rel" aria-hidden="true">3 hours ago</span>');
    const day = renderToStaticMarkup(<TimelineEntry entry={entry({ id: 'pm-1', at: '2025-11-18T23:59:00Z', atPrecision: 'day' })} locale="en" labels={labels('en')} permalink="/" heading="h3" nowMs={now} />);
    expect(day).toContain('<span class="tl-rel" aria-hidden="true"></span>');
    expect(renderEntry('en', official)).toContain('<span class="tl-rel" aria-hidden="true"></span>');
  });
});

const incident: Incident = {
  id: 'example-incident',
  provider: 'cloudflare',
  title: { ar: 'انقطاع تجريبي', en: 'Example outage' },
  affectedServices: ['CDN', 'Workers KV'],
  startedAt: '2025-11-18T11:20:00Z',
  source: { name: 'Cloudflare Status', url: 'https://www.cloudflarestatus.com/incidents/x' },
  origin: 'curated',
};

function view(over: Partial<IncidentView> = {}): IncidentView {
  return { incident, status: 'monitoring', lastSeq: 3, updates: [official], feed: null, ...over };
}

describe('the timeline header', () => {
  const now = Date.parse('2025-11-18T14:20:00Z');
  it('en: ongoing: live, elapsed time, no end', () => {
    const html = renderToStaticMarkup(<TimelineHeader view={view()} locale="en" labels={labels('en')} nowMs={now} titleId="t" />);
    expect(html).toContain('data-live="1">Live<');
    expect(html).toContain('Ongoing for</dt><dd data-tl-elapsed="2025-11-18T11:20:00Z">3 hours</dd>');
    expect(html).not.toContain('Total duration');
    expect(html).toContain('<p class="tl-stale" data-tl-stale="true" hidden=""></p>');
  });
  it('ar: ended: total duration through Intl, end time, and the feed notice when failing', () => {
    const ended = view({
      incident: { ...incident, endedAt: '2025-11-18T17:06:00Z' },
      status: 'resolved',
      feed: { provider: 'cloudflare', state: 'failing', lastSuccessAt: null, failingSince: '2025-11-18T14:00:00Z', lastError: 'x' },
    });
    const html = renderToStaticMarkup(<TimelineHeader view={ended} locale="ar" labels={labels('ar')} nowMs={now} titleId="t" />);
    expect(html).toContain('>انتهت<');
    expect(html).toContain('المدة الإجمالية</dt><dd>5 ساعات و46 دقيقة</dd>');
    expect(html).toContain('<time dateTime="2025-11-18T17:06:00Z"');
    expect(html).toMatch(/<p class="tl-stale" data-tl-stale="true">تعذّر الوصول إلى الصفحة الرسمية منذ <time dateTime="2025-11-18T14:00:00Z"/);
  });
  it('ar: an English-only title is shown as English, not passed off as Arabic', () => {
    const html = renderToStaticMarkup(<TimelineHeader view={view({ incident: { ...incident, title: { en: 'Elevated errors' } } })} locale="ar" labels={labels('ar')} nowMs={now} titleId="t" />);
    expect(html).toContain('<h1 id="t" class="tl-h1"><span lang="en" dir="ltr">Elevated errors</span></h1>');
  });
});

describe('LiveBlogPosting', () => {
  const status = labels('en').status;
  const names = { siteName: 'Outage Watch', newsroom: 'Newsroom', description: 'd', status };
  it('ongoing: coverage start only; updates newest first with permalinks', () => {
    const later = entry({ id: 'sp-u3', at: '2025-11-18T13:00:00Z', seq: 3, status: 'identified' });
    const ld = liveBlogPostingLd(view({ updates: [official, later] }), 'en', names);
    expect(ld['@type']).toBe('LiveBlogPosting');
    expect(ld.coverageStartTime).toBe('2025-11-18T11:20:00Z');
    expect(ld).not.toHaveProperty('coverageEndTime');
    const updates = ld.liveBlogUpdate as { url: string; headline: string; datePublished: string }[];
    expect(updates.map((u) => u.datePublished)).toEqual(['2025-11-18T13:00:00Z', '2025-11-18T11:48:00Z']);
    expect(updates[0]?.url).toMatch(/\/en\/incidents\/example-incident#update-sp-u3$/);
    expect(updates[0]?.headline).toMatch(/^Cause identified: /);
  });
  it('ar: ended: coverage end, retracted updates left out, untranslated text marked with its language', () => {
    const gone = entry({ id: 'nr-9', at: '2025-11-18T12:10:00Z', retracted: { id: 'nr-9-r', seq: 9, at: '2025-11-18T12:20:00Z', text: { ar: 'خطأ.' }, source: official.source } });
    const ld = liveBlogPostingLd(view({ incident: { ...incident, endedAt: '2025-11-18T17:06:00Z' }, status: 'resolved', updates: [official, gone] }), 'ar', { ...names, status: labels('ar').status });
    expect(ld.coverageEndTime).toBe('2025-11-18T17:06:00Z');
    expect(ld.inLanguage).toBe('ar');
    const updates = ld.liveBlogUpdate as { inLanguage: string; articleBody: string }[];
    expect(updates).toHaveLength(1);
    expect(updates[0]?.inLanguage).toBe('en');
    expect(ld.dateModified).toBe('2025-11-18T12:20:00Z');
  });
});
