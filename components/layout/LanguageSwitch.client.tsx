'use client';

import { Link, usePathname } from '@/lib/i18n/navigation';
import type { Locale } from '@/lib/i18n/locales';

interface Props {
  target: Locale;
  /** The target language's name, written in that language. */
  label: string;
  /** Accessible name in the current language, e.g. "Read in Arabic". */
  description: string;
  targetDir: 'rtl' | 'ltr';
}

/**
 * Links to the same page in the other language. It is server-rendered with the right
 * href, so it works without JavaScript; next-intl's Link also records the choice in the
 * locale cookie so `/` remembers it.
 */
export function LanguageSwitch({ target, label, description, targetDir }: Props) {
  const pathname = usePathname();
  return (
    <Link href={pathname} locale={target} hrefLang={target} lang={target} dir={targetDir} className="lang-switch" aria-label={description} data-testid="language-switch">
      {label}
    </Link>
  );
}
