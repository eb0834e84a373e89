import { describe, expect, it } from 'vitest';
import { cutTitle, isolateForeignRuns, titleFontSizeFor, titleScale, titleSizeCandidates, toCardText } from '@/lib/share-cards/text';

const FSI = '\u2068';
const PDI = '\u2069';

describe('toCardText', () => {
  it('removes bidi overrides that would reverse an Arabic headline, and keeps harakat', () => {
    expect(toCardText('عُطْلٌ \u202Eفي كلاودفلير\u202C')).toBe('عُطْلٌ في كلاودفلير');
    expect(toCardText('\u2067ChatGPT\u2069 يتوقف')).toBe('ChatGPT يتوقف');
  });

  it('collapses line breaks and control characters', () => {
    expect(toCardText('  Cloudflare\n\tdown\u0007  ')).toBe('Cloudflare down');
  });

  it('leaves markup-looking text as text', () => {
    expect(toCardText('<script>alert(1)</script> & كلاودفلير')).toBe('<script>alert(1)</script> & كلاودفلير');
  });
});

describe('isolateForeignRuns', () => {
  it('isolates a Latin domain and brand after an Arabic date in an RTL card', () => {
    expect(isolateForeignRuns('18 نوفمبر 2025 · outagewatch.example', 'rtl')).toBe(`18 نوفمبر 2025 · ${FSI}outagewatch.example${PDI}`);
    expect(isolateForeignRuns('مرصد الانقطاعات · Outage Watch', 'rtl')).toBe(`مرصد الانقطاعات · ${FSI}Outage Watch${PDI}`);
  });

  it('isolates an Arabic run in an LTR card', () => {
    expect(isolateForeignRuns('Outage Watch · مرصد الانقطاعات', 'ltr')).toBe(`Outage Watch · ${FSI}مرصد الانقطاعات${PDI}`);
  });

  it('leaves text with nothing to isolate unchanged', () => {
    expect(isolateForeignRuns('18 November 2025', 'ltr')).toBe('18 November 2025');
    expect(isolateForeignRuns('18 نوفمبر 2025', 'rtl')).toBe('18 نوفمبر 2025');
    expect(isolateForeignRuns('outagewatch.example', 'rtl')).toBe('outagewatch.example');
  });
});

describe('title sizes', () => {
  it('shrinks with length, and Arabic starts larger than English', () => {
    const short = 'انقطاع كلاودفلير';
    const long = 'ك'.repeat(140);
    expect(titleFontSizeFor('ar', short)).toBeGreaterThan(titleFontSizeFor('ar', long));
    expect(titleFontSizeFor('ar', short)).toBeGreaterThan(titleFontSizeFor('en', 'Cloudflare outage'));
    expect(titleFontSizeFor('en', 'x'.repeat(400))).toBeGreaterThanOrEqual(titleScale.en.min);
  });

  it('counts characters, not UTF-16 units', () => {
    expect(titleFontSizeFor('en', '😀'.repeat(30))).toBe(titleFontSizeFor('en', 'x'.repeat(30)));
  });

  it('offers descending candidates that end at the minimum', () => {
    const sizes = titleSizeCandidates('ar', 'عُطْلٌ عالميٌّ في كلاودفلير يُوقِفُ ChatGPT وإكس');
    expect(sizes.at(-1)).toBe(titleScale.ar.min);
    expect([...sizes].sort((a, b) => b - a)).toEqual(sizes);
  });
});

describe('cutTitle', () => {
  it('cuts Arabic at a word boundary and drops trailing punctuation before the ellipsis', () => {
    expect(cutTitle('عطل كلاودفلير، يوقف ChatGPT وإكس', 2)).toBe('عطل كلاودفلير…');
  });

  it('returns the title unchanged when everything fits', () => {
    expect(cutTitle('Cloudflare outage', 5)).toBe('Cloudflare outage');
  });

  it('cuts a title without spaces by grapheme, keeping harakat with their letter', () => {
    expect(cutTitle('عُطْلٌ', 2)).toBe('عُطْ…');
  });
});
