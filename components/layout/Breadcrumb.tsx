import { localeConfig, type Locale } from '@/lib/i18n/locales';

interface Crumb {
  href: string;
  label: string;
}

/** The separator is chosen from the locale's direction: it points the way the reader reads. */
export function Breadcrumb({ items, locale, label }: { items: Crumb[]; locale: Locale; label: string }) {
  const sep = localeConfig(locale).dir === 'rtl' ? '‹' : '›';
  return (
    <nav aria-label={label} className="breadcrumb">
      <ol>
        {items.map((c, i) => (
          <li key={c.href}>
            {i > 0 ? (
              <span className="breadcrumb-sep" aria-hidden="true">
                {sep}
              </span>
            ) : null}
            <a href={c.href}>{c.label}</a>
          </li>
        ))}
      </ol>
    </nav>
  );
}
