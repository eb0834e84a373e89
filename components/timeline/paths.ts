import type { Locale } from '@/lib/i18n/locales';
import { localizeText, type IncidentView } from '@/lib/incidents/view';

// Kept apart from IncidentTimeline.tsx: importing that module would pull the live island into
// the client bundle of every route that uses these helpers (the articles, through the embed).

export function incidentPath(locale: Locale, id: string): string {
  return `/${locale}/incidents/${id}`;
}

/** The incident's title as plain text in the page language, or its original when untranslated. */
export function plainTitle(view: Pick<IncidentView, 'incident'>, locale: Locale): string {
  const t = localizeText(view.incident.title, locale);
  return t.missing ? (t.original?.text ?? view.incident.id) : t.text;
}
