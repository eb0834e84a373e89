import type { ReactNode } from 'react';
import type { Locale } from '@/lib/i18n/locales';
import { getTerm } from '@/lib/content/glossary';

interface Props {
  id: string;
  locale: Locale;
  /** Unique within the page, for aria-describedby. */
  uid: string;
  glossaryLinkLabel: string;
  children?: ReactNode;
}

/**
 * A glossary term: a real link to the glossary entry (works without JavaScript and on
 * touch), with the short definition shown on hover and keyboard focus and announced as
 * the link's description.
 */
export function Term({ id, locale, uid, glossaryLinkLabel, children }: Props) {
  const entry = getTerm(id);
  if (!entry) throw new Error(`<Term id="${id}">: no such entry in content/glossary/terms.json`);
  const tipId = `term-tip-${uid}`;
  return (
    <span className="term">
      <a href={`/${locale}/glossary#${id}`} className="term-link" aria-describedby={tipId}>
        {children ?? entry[locale].term}
      </a>
      <span role="tooltip" id={tipId} className="term-tip">
        <strong>{entry[locale].term}</strong>: {entry[locale].definition}{' '}
        <span className="sr-only">({glossaryLinkLabel})</span>
      </span>
    </span>
  );
}
