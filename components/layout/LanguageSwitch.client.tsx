'use client';

import { usePathname } from 'next/navigation';
import { languageChoiceParam } from '@/lib/i18n/choice';
import type { Locale } from '@/lib/i18n/locales';

interface Props {
  current: Locale;
  target: Locale;
  /** The target language's name, written in that language. */
  label: string;
  /** Accessible name in the current language, e.g. "Read in Arabic". */
  description: string;
  targetDir: 'rtl' | 'ltr';
}

/**
 * Links to the same page in the other language. The href is computed during server
 * rendering, so it works without JavaScript; it carries `?lang=<target>`, on which the proxy
 * records the reader's explicit choice in the locale cookie (so `/` remembers it) and
 * redirects to the clean URL. Visiting a language by any other link sets no cookie, so pages
 * stay the same for every reader and cacheable. It uses Next's own router hook rather than
 * next-intl's client so that no i18n runtime ships to readers.
 */
export function LanguageSwitch({ current, target, label, description, targetDir }: Props) {
  const pathname = usePathname() ?? `/${current}`;
  const rest = pathname.replace(new RegExp(`^/${current}(?=/|$)`), '');
  return (
    // The visible name stays part of the accessible name (WCAG 2.5.3): "Read in Arabic: العربية".
    <a href={`/${target}${rest}?${languageChoiceParam}=${target}`} hrefLang={target} className="lang-switch" data-testid="language-switch">
      <span className="sr-only">{description}: </span>
      <span lang={target} dir={targetDir}>
        {label}
      </span>
    </a>
  );
}
