import { getTranslations } from 'next-intl/server';
import type { Locale } from '@/lib/i18n/locales';
import { IncidentIdSchema } from '@/lib/incidents/model';
import { getIncidentService } from '@/lib/incidents/runtime';
import { IncidentLink } from '@/components/mdx/IncidentLink';
import { incidentPath, plainTitle } from '@/components/timeline/paths';
import { loadTimelineLabels } from '@/components/timeline/load-labels';
import { isOngoing, sortEntries } from '@/components/timeline/logic';
import { TimelineEntry, entryAnchor } from '@/components/timeline/TimelineEntry';

/**
 * `<IncidentTimeline id="…" />` in an article: the key events only, compact, without scripts,
 * and a link to the full live page. Articles are prerendered, so this is the timeline as of the
 * build (the bundled file); the link leads to the current one. Once an incident is over the key
 * moments read in order, as a story; while it lasts, the latest comes first.
 */
export async function EmbeddedTimeline({ id, locale }: { id: string; locale: Locale }) {
  const parsed = IncidentIdSchema.safeParse(id);
  const view = parsed.success ? await (await getIncidentService()).getIncidentView(parsed.data) : undefined;
  // lib/content/content-check.ts already fails on unknown ids; degrade to the plain link anyway.
  if (view === undefined) return <IncidentLink id={id} locale={locale} />;
  const labels = await loadTimelineLabels(locale);
  const t = await getTranslations({ locale, namespace: 'Timeline' });
  const ongoing = isOngoing(view.incident, view.status);
  const path = incidentPath(locale, view.incident.id);
  const key = sortEntries(
    view.updates.filter((e) => e.key),
    ongoing ? 'newest' : 'oldest',
  );
  const titleId = `tl-embed-${view.incident.id}`;
  return (
    <aside className="tl-embed not-prose" aria-labelledby={titleId}>
      <div className="tl-embed-head">
        <p id={titleId} className="tl-embed-title">
          {t('embedTitle')}
          <span className="tl-embed-incident">{plainTitle(view, locale)}</span>
        </p>
        <p className="tl-embed-status">
          <span className="tl-phase" data-live={ongoing ? '1' : undefined}>
            {ongoing ? labels.live : labels.ended}
          </span>
          <span className="tl-status" data-status={view.status ?? 'none'}>
            {labels.status[view.status ?? 'none']}
          </span>
        </p>
      </div>
      <ol className="tl-list tl-list-compact">
        {key.map((e) => (
          <TimelineEntry
            key={e.id}
            entry={e}
            locale={locale}
            labels={labels}
            permalink={`${path}#${entryAnchor(e.id)}`}
            anchorId={`embed-${entryAnchor(e.id)}`}
            heading="p"
          />
        ))}
      </ol>
      <p className="tl-embed-more">
        <a href={path}>{t('embedLink')}</a>
      </p>
    </aside>
  );
}
