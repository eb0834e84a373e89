import { Renderer } from '@takumi-rs/core';
import { fromJsx } from '@takumi-rs/helpers/jsx';
import type { Locale } from '@/lib/i18n/locales';
import { CARD_HEIGHT, CARD_WIDTH, CardTitle, ShareCard, TITLE_MAX_HEIGHT, TITLE_WIDTH } from '@/lib/share-cards/card';
import { readCardFonts } from '@/lib/share-cards/fonts';
import { cutTitle, titlePieces, titleScale, titleSizeCandidates, toCardText } from '@/lib/share-cards/text';

// No `import 'server-only'`: the reference and comparison scripts run this module under plain
// Node (tsx), where that package throws. The native @takumi-rs/core import already keeps the
// module out of client bundles.

export interface ShareCardInput {
  locale: Locale;
  /** Plain text; never parsed as markup. */
  title: string;
  /** Category or "Live incident" label, in the page language. */
  kicker: string;
  /** Already formatted for the locale (lib/i18n/format.ts). */
  date: string;
  siteName: string;
  /** Optional host shown after the date, e.g. "outagewatch.example"; isolated from the Arabic date. */
  domain?: string;
}

export interface ShareCardLayout {
  /** The title as drawn: cleaned, and cut with "…" only if it could not fit at the minimum size. */
  title: string;
  titleFontSize: number;
  truncated: boolean;
}

let rendererPromise: Promise<Renderer> | undefined;

/** One renderer per process: fonts are decoded and registered once, then every card reuses them. */
function cardRenderer(): Promise<Renderer> {
  rendererPromise ??= (async () => {
    const renderer = new Renderer();
    for (const font of await readCardFonts()) {
      await renderer.registerFont({ name: font.family, data: font.data, unicodeRange: font.unicodeRange });
    }
    return renderer;
  })().catch((error: unknown) => {
    // A missing font file must not poison the process: the next request tries again.
    rendererPromise = undefined;
    throw error;
  });
  return rendererPromise;
}

async function titleHeight(renderer: Renderer, locale: Locale, title: string, titleFontSize: number): Promise<number> {
  const { node, css } = await fromJsx(<CardTitle locale={locale} title={title} titleFontSize={titleFontSize} />);
  const measured = await renderer.measure(node, { width: TITLE_WIDTH, css });
  return measured.height;
}

/**
 * Picks the title size: the length-based starting size, stepped down until the wrapped title
 * fits the title box, measured by the same engine that draws it (glyph widths differ too much
 * between Arabic and Latin, and between "ill" and "WWW", for a character count alone).
 * Only when even the minimum size overflows is the title cut, at a word boundary if it has any.
 */
export async function layoutShareCard(input: Pick<ShareCardInput, 'locale' | 'title'>): Promise<ShareCardLayout> {
  const renderer = await cardRenderer();
  const { locale } = input;
  const title = toCardText(input.title);
  for (const size of titleSizeCandidates(locale, title)) {
    if ((await titleHeight(renderer, locale, title, size)) <= TITLE_MAX_HEIGHT) {
      return { title, titleFontSize: size, truncated: false };
    }
  }
  const size = titleScale[locale].min;
  let low = 1;
  let high = titlePieces(title).length - 1;
  let best = cutTitle(title, 1);
  while (low <= high) {
    const mid = Math.floor((low + high) / 2);
    const candidate = cutTitle(title, mid);
    if ((await titleHeight(renderer, locale, candidate, size)) <= TITLE_MAX_HEIGHT) {
      best = candidate;
      low = mid + 1;
    } else {
      high = mid - 1;
    }
  }
  return { title: best, titleFontSize: size, truncated: true };
}

/** A 1200×630 PNG share card (Open Graph / Twitter image) for one page. */
export async function renderShareCard(input: ShareCardInput): Promise<Buffer> {
  const renderer = await cardRenderer();
  const layout = await layoutShareCard(input);
  const { node, css } = await fromJsx(
    <ShareCard
      locale={input.locale}
      title={layout.title}
      titleFontSize={layout.titleFontSize}
      kicker={toCardText(input.kicker)}
      date={toCardText(input.date)}
      siteName={toCardText(input.siteName)}
      domain={input.domain === undefined ? undefined : toCardText(input.domain)}
    />,
  );
  return renderer.render(node, { width: CARD_WIDTH, height: CARD_HEIGHT, format: 'png', css });
}
