import type { Locale } from '@/lib/i18n/locales';
import { formatDate } from '@/lib/i18n/format';
import type { Source } from '@/lib/content/schema';

/** The article's sources from its frontmatter; footnotes and <Stat> link here by id. */
export function SourcesList({ sources, locale, title }: { sources: Source[]; locale: Locale; title: string }) {
  return (
    <section className="sources" aria-labelledby="sources-title">
      <h2 id="sources-title">{title}</h2>
      <ol>
        {sources.map((s) => (
          <li key={s.id} id={`source-${s.id}`}>
            {/* Source titles keep their own language; dir="auto" lays each out in its script. */}
            <a href={s.url} rel="noopener noreferrer external" dir="auto">
              {s.title}
            </a>
            <span className="sources-meta">
              {' '}
              — <span dir="auto">{s.publisher}</span>, <time dateTime={s.date.toISOString().slice(0, 10)}>{formatDate(locale, s.date)}</time>
            </span>
          </li>
        ))}
      </ol>
    </section>
  );
}
