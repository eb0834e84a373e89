import { describe, expect, it } from 'vitest';
import { renderToStaticMarkup } from 'react-dom/server';
import type { ReactElement } from 'react';
import { locales, type Locale } from '@/lib/i18n/locales';
import { RequestPathDiagram } from '@/components/diagrams/RequestPathDiagram';
import { FeatureFileDiagram } from '@/components/diagrams/FeatureFileDiagram';
import { VIEW_WIDTH } from '@/components/diagrams/flow-geometry';

const ARABIC = /[\u0600-\u06FF]/;

const diagrams: Record<string, (locale: Locale) => ReactElement> = {
  RequestPathDiagram: (locale) => <RequestPathDiagram locale={locale} />,
  FeatureFileDiagram: (locale) => <FeatureFileDiagram locale={locale} />,
};

function attrs(tag: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const m of tag.matchAll(/([a-zA-Z][a-zA-Z0-9:-]*)="([^"]*)"/g)) if (m[1] && m[2] !== undefined) out[m[1]] = m[2];
  return out;
}

function tags(html: string, name: string): Record<string, string>[] {
  return [...html.matchAll(new RegExp(`<${name}\\b[^>]*>`, 'g'))].map((m) => attrs(m[0]));
}

function textOf(html: string, name: 'title' | 'desc'): { id: string; text: string } {
  const m = html.match(new RegExp(`<${name} id="([^"]+)">([^<]*)</${name}>`));
  return { id: m?.[1] ?? '', text: m?.[2] ?? '' };
}

/** The flow boxes (data-flow="1"…) with their x, in reading order. */
function flowBoxes(html: string): { flow: number; x: number; width: number }[] {
  return tags(html, 'rect')
    .filter((a) => a['data-flow'] !== undefined)
    .map((a) => ({ flow: Number(a['data-flow']), x: Number(a.x), width: Number(a.width) }))
    .sort((a, b) => a.flow - b.flow);
}

describe.each(Object.entries(diagrams))('%s', (_name, render) => {
  const html = (locale: Locale) => renderToStaticMarkup(render(locale));

  it.each(locales)('is an image labelled by its own title and description (%s)', (locale) => {
    const markup = html(locale);
    const svg = tags(markup, 'svg')[0];
    expect(svg?.role).toBe('img');
    expect(svg?.viewBox).toMatch(new RegExp(`^0 0 ${VIEW_WIDTH} \\d+$`));
    const title = textOf(markup, 'title');
    const desc = textOf(markup, 'desc');
    const labelledBy = (svg?.['aria-labelledby'] ?? '').split(' ');
    expect(labelledBy).toEqual([title.id, desc.id]);
    for (const id of labelledBy) {
      expect(id).toMatch(/^[A-Za-z0-9_-]+$/);
      expect(markup.match(new RegExp(`id="${id}"`, 'g'))).toHaveLength(1);
    }
  });

  it('speaks Arabic in ar and English in en', () => {
    const ar = html('ar');
    const en = html('en');
    expect(textOf(ar, 'title').text).toMatch(ARABIC);
    expect(textOf(ar, 'desc').text).toMatch(ARABIC);
    expect(textOf(en, 'title').text).not.toMatch(ARABIC);
    expect(textOf(en, 'desc').text).not.toMatch(ARABIC);
    expect(textOf(ar, 'title').text).not.toBe(textOf(en, 'title').text);
    // Visible labels are real text too, and never Arabic in the English drawing.
    expect(en.match(/<text\b[^>]*>[^<]*<\/text>/g)?.join('')).not.toMatch(ARABIC);
  });

  it('puts the first box of the flow on the reading-start side', () => {
    const ar = flowBoxes(html('ar'));
    const en = flowBoxes(html('en'));
    expect(ar.length).toBeGreaterThanOrEqual(3);
    expect(ar[0]?.flow).toBe(1);
    expect(ar[0]?.x).toBe(Math.max(...ar.map((b) => b.x)));
    expect(en[0]?.x).toBe(Math.min(...en.map((b) => b.x)));
    // Exact mirror: each Arabic box is where the English one would be, reflected.
    ar.forEach((box, i) => expect(box.x).toBeCloseTo(VIEW_WIDTH - (en[i]?.x ?? 0) - box.width, 5));
  });

  it('points its arrows along the reading direction', () => {
    const horizontal = (locale: Locale) =>
      tags(html(locale), 'line')
        .filter((l) => l.x1 !== undefined && l.y1 !== undefined && Number(l.y1) === Number(l.y2) && Number(l.x1) !== Number(l.x2))
        .map((l) => Number(l.x2) - Number(l.x1));
    // Includes the dashed limit line of the bar chart, which is drawn start-to-end as well.
    expect(horizontal('en').length).toBeGreaterThan(0);
    expect(horizontal('en').every((dx) => dx > 0)).toBe(true);
    expect(horizontal('ar').every((dx) => dx < 0)).toBe(true);
  });

  it.each(locales)('sets the text direction and keeps type readable (%s)', (locale) => {
    const texts = tags(html(locale), 'text');
    expect(texts.length).toBeGreaterThan(5);
    for (const t of texts) expect(Number(t['font-size'])).toBeGreaterThanOrEqual(14);
    const expected = locale === 'ar' ? 'rtl' : 'ltr';
    expect(tags(html(locale), 'svg')[0]?.direction).toBe(expected);
    const start = texts.filter((t) => t['text-anchor'] === 'start');
    for (const t of start) expect(t.direction).toBe(expected);
  });
});
