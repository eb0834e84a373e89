import type { CSSProperties } from 'react';
import { localeConfig, type Locale } from '@/lib/i18n/locales';
import { ARABIC_FAMILY, LATIN_FAMILY } from '@/lib/share-cards/fonts';
import { isolateForeignRuns, titleScale } from '@/lib/share-cards/text';

export const CARD_WIDTH = 1200;
export const CARD_HEIGHT = 630;

// Layout in pixels. Padding is symmetric on both inline sides, so the Arabic card is the exact
// mirror of the English one without any physical left/right property: the flex rows follow
// `dir`, which both takumi and browsers honour.
const ACCENT_BAR = 14;
const PADDING_BLOCK_START = 54;
const PADDING_BLOCK_END = 46;
const PADDING_INLINE = 64;
const HEADER_HEIGHT = 52;
const FOOTER_HEIGHT = 76;
const GAP = 26;

export const TITLE_WIDTH = CARD_WIDTH - ACCENT_BAR - 2 * PADDING_INLINE;
export const TITLE_MAX_HEIGHT = CARD_HEIGHT - PADDING_BLOCK_START - PADDING_BLOCK_END - HEADER_HEIGHT - FOOTER_HEIGHT - 2 * GAP;

/**
 * Dark card, the site's dark-mode palette. Contrast on `background`: text 17:1, muted 8:1;
 * kicker text on the accent 6:1. The accent is the site's light-mode red, which reads as
 * "alert" on both light and dark timelines.
 */
export const palette = {
  background: '#141417',
  text: '#f4f4f6',
  muted: '#a9aab3',
  rule: '#34343c',
  accent: '#b3261e',
  accentText: '#ffffff',
  signal: '#6b6c75',
} as const;

function fontStack(locale: Locale): string {
  // Both faces in every card: unicode-range picks the face per character, the order only
  // decides who draws characters that both cover (none today).
  return locale === 'ar' ? `'${ARABIC_FAMILY}', '${LATIN_FAMILY}'` : `'${LATIN_FAMILY}', '${ARABIC_FAMILY}'`;
}

export interface ShareCardProps {
  readonly locale: Locale;
  /** Plain text, already fitted (see layoutShareCard). */
  readonly title: string;
  readonly titleFontSize: number;
  readonly kicker: string;
  readonly date: string;
  readonly siteName: string;
  readonly domain?: string | undefined;
}

/** The title block alone, also measured on its own to pick the size that fits. */
export function CardTitle({ locale, title, titleFontSize }: Pick<ShareCardProps, 'locale' | 'title' | 'titleFontSize'>) {
  const { dir, tag } = localeConfig(locale);
  const style: CSSProperties = {
    display: 'block',
    width: TITLE_WIDTH,
    margin: 0,
    fontFamily: fontStack(locale),
    fontSize: titleFontSize,
    fontWeight: 700,
    lineHeight: titleScale[locale].lineHeight,
    color: palette.text,
    textAlign: 'start',
    // Never letter-spacing on Arabic: it breaks the joins.
    letterSpacing: locale === 'ar' ? 0 : -0.5,
    overflowWrap: 'break-word',
    textWrap: 'balance',
  };
  return (
    <div dir={dir} lang={tag} style={style}>
      {title}
    </div>
  );
}

/** The signal-bars mark: three bars rising, the fourth dropped to red. */
function SignalMark() {
  const bar = (height: number, color: string): CSSProperties => ({ width: 9, height, borderRadius: 2, background: color });
  return (
    <div style={{ display: 'flex', flexDirection: 'row', alignItems: 'flex-end', gap: 5, height: 40 }}>
      <div style={bar(14, palette.signal)} />
      <div style={bar(24, palette.signal)} />
      <div style={bar(34, palette.signal)} />
      <div style={bar(10, palette.accent)} />
    </div>
  );
}

export function ShareCard(props: ShareCardProps) {
  const { locale, kicker, date, siteName, domain } = props;
  const { dir, tag } = localeConfig(locale);
  const isArabic = locale === 'ar';
  const footerDate = domain ? `${date} · ${domain}` : date;
  return (
    <div
      dir={dir}
      lang={tag}
      style={{
        display: 'flex',
        flexDirection: 'row',
        width: CARD_WIDTH,
        height: CARD_HEIGHT,
        background: palette.background,
        color: palette.text,
        fontFamily: fontStack(locale),
      }}
    >
      <div style={{ width: ACCENT_BAR, height: CARD_HEIGHT, background: palette.accent, flexShrink: 0 }} />
      <div
        style={{
          display: 'flex',
          flexDirection: 'column',
          flexGrow: 1,
          paddingTop: PADDING_BLOCK_START,
          paddingBottom: PADDING_BLOCK_END,
          paddingInline: PADDING_INLINE,
          gap: GAP,
        }}
      >
        <div style={{ display: 'flex', flexDirection: 'row', alignItems: 'center', height: HEADER_HEIGHT }}>
          {kicker ? (
            <div
              style={{
                display: 'flex',
                alignItems: 'center',
                height: HEADER_HEIGHT,
                paddingInline: 22,
                borderRadius: HEADER_HEIGHT / 2,
                background: palette.accent,
                color: palette.accentText,
                fontSize: isArabic ? 28 : 25,
                fontWeight: 700,
                lineHeight: 1,
                letterSpacing: isArabic ? 0 : 1.5,
                textTransform: isArabic ? 'none' : 'uppercase',
              }}
            >
              {kicker}
            </div>
          ) : null}
        </div>
        <div
          style={{
            display: 'flex',
            flexDirection: 'column',
            justifyContent: 'center',
            height: TITLE_MAX_HEIGHT,
            overflow: 'hidden',
          }}
        >
          <CardTitle locale={locale} title={props.title} titleFontSize={props.titleFontSize} />
        </div>
        <div
          style={{
            display: 'flex',
            flexDirection: 'row',
            alignItems: 'center',
            justifyContent: 'space-between',
            height: FOOTER_HEIGHT,
            paddingTop: 20,
            borderTop: `2px solid ${palette.rule}`,
          }}
        >
          <div style={{ display: 'flex', flexDirection: 'row', alignItems: 'center', gap: 18 }}>
            <SignalMark />
            <div style={{ fontSize: isArabic ? 31 : 29, fontWeight: 700, lineHeight: 1.2, color: palette.text }}>
              {isolateForeignRuns(siteName, dir)}
            </div>
          </div>
          <div style={{ fontSize: isArabic ? 27 : 25, fontWeight: 400, lineHeight: 1.2, color: palette.muted }}>
            {isolateForeignRuns(footerDate, dir)}
          </div>
        </div>
      </div>
    </div>
  );
}
