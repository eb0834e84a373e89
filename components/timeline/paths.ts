import type { Locale } from '@/lib/i18n/locales';
import { localizeText, type IncidentView } from '@/lib/incidents/view';
import type { Network } from '@/lib/share/links';

// Kept apart from IncidentTimeline.tsx: importing that module would pull the live island into
// the client bundle of every route that uses these helpers (the articles, through the embed).
// Also imported by the island (dom.ts): nothing here may need the server.

export function incidentPath(locale: Locale, id: string): string {
  return `/${locale}/incidents/${id}`;
}

/** The id of an update's `<article>`, its permalink fragment. */
export function entryAnchor(id: string): string {
  return `update-${id}`;
}

/**
 * The first-party address an update's share link points to: a short path that answers 303 with
 * the network's own share URL (app/[locale]/incidents/[id]/share/[network]/[updateId]/route.ts).
 * The long, percent-encoded third-party URLs (the Arabic title alone is ~6 bytes a letter) are
 * then built once per click instead of six times per update in the HTML and again in the RSC
 * payload.
 */
export function entrySharePath(pagePath: string, network: Network, updateId: string): string {
  return `${pagePath}/share/${network}/${updateId}`;
}

/** The incident's title as plain text in the page language, or its original when untranslated. */
export function plainTitle(view: Pick<IncidentView, 'incident'>, locale: Locale): string {
  const t = localizeText(view.incident.title, locale);
  return t.missing ? (t.original?.text ?? view.incident.id) : t.text;
}
