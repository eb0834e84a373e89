import type { ReactNode } from 'react';
import type { Locale } from '@/lib/i18n/locales';
import type { IncidentView } from '@/lib/incidents/view';
import { absoluteUrl } from '@/lib/seo/site';
import type { TimelineLabels } from '@/components/timeline/labels';
import { LiveTimeline } from '@/components/timeline/LiveTimeline.client';
import { isOngoing, optionsQuery, sortEntries, type TimelineOptions } from '@/components/timeline/logic';
import { incidentPath, plainTitle } from '@/components/timeline/paths';
import { TimelineEntry, entryAnchor } from '@/components/timeline/TimelineEntry';
import { TimelineHeader } from '@/components/timeline/TimelineHeader';
import { clockTextStableForMs } from '@/components/timeline/format';
import { staticBlock } from '@/lib/content/static-html';

const day = 86_400_000;

interface Props {
  view: IncidentView;
  locale: Locale;
  labels: TimelineLabels;
  options: TimelineOptions;
  nowMs: number;
}

/**
 * The full timeline of one incident: header, the two view controls (plain links, so they work
 * without JavaScript), the ordered list of updates, and the live island that adds to it.
 */
export async function IncidentTimeline({ view, locale, labels, options, nowMs }: Props) {
  const { incident } = view;
  const rootId = `tl-${incident.id}`;
  const titleId = `${rootId}-title`;
  const listTitleId = `${rootId}-list-title`;
  const path = incidentPath(locale, incident.id);
  const pageUrl = absoluteUrl(path);
  const title = plainTitle(view, locale);
  const entries = sortEntries(view.updates, options.order);
  const link = (o: TimelineOptions) => `${path}${optionsQuery(o)}#${listTitleId}`;
  // Each update as one element holding static HTML: the island edits these nodes itself (live.ts)
  // and React never re-renders them, so hydrating their ~1,000 elements one by one bought nothing
  // (0064). Per request and from upstream data, so a refused prop leaves the entry to React.
  const ongoing = isOngoing(incident, view.status);
  const relativeTimes = entries.filter((e) => e.atPrecision !== 'day').map((e) => Date.parse(e.at));
  const items: ReactNode[] = [];
  for (const e of entries) {
    items.push(
      await staticBlock(
        <TimelineEntry
          key={e.id}
          entry={e}
          locale={locale}
          labels={labels}
          permalink={`${path}#${entryAnchor(e.id)}`}
          heading="h3"
          sharePagePath={path}
          nowMs={nowMs}
        />,
        { strict: false },
      ),
    );
  }
  return (
    // data-boot="load": while the incident is ongoing the live island must run without the reader
    // doing anything; once it is over, the page boots at the reader's first interaction
    // (lib/server/boot-scripts.ts, decision 0065).
    <div
      id={rootId}
      className="tl-page"
      data-order={options.order}
      data-key-only={options.keyOnly ? '1' : undefined}
      data-tz="utc"
      data-boot={ongoing ? 'load' : undefined}
      // How long this copy reads true as the clock moves (its relative times, an ongoing incident's
      // elapsed time): the page cache keeps it that long, within its rule's bounds, instead of
      // rendering the page again every 10 s (lib/server/page-cache.ts, decision 0060).
      data-fresh-ms={Math.min(day, clockTextStableForMs(relativeTimes, nowMs, ongoing ? Date.parse(incident.startedAt) : null))}
    >
      <TimelineHeader view={view} locale={locale} labels={labels} nowMs={nowMs} titleId={titleId} />
      <section className="tl" aria-labelledby={listTitleId}>
        <div className="tl-bar">
          <h2 id={listTitleId} className="tl-title">
            {labels.title}
          </h2>
          <div className="tl-controls">
            <div role="group" aria-label={labels.order} className="tl-seg">
              <a href={link({ ...options, order: 'newest' })} data-tl-order="newest" aria-current={options.order === 'newest' ? 'true' : undefined}>
                {labels.newestFirst}
              </a>
              <a href={link({ ...options, order: 'oldest' })} data-tl-order="oldest" aria-current={options.order === 'oldest' ? 'true' : undefined}>
                {labels.oldestFirst}
              </a>
            </div>
            <div role="group" aria-label={labels.show} className="tl-seg">
              <a href={link({ ...options, keyOnly: false })} data-tl-filter="all" aria-current={options.keyOnly ? undefined : 'true'}>
                {labels.allUpdates}
              </a>
              <a href={link({ ...options, keyOnly: true })} data-tl-filter="key" aria-current={options.keyOnly ? 'true' : undefined}>
                {labels.keyOnly}
              </a>
            </div>
            <LiveTimeline
              rootId={rootId}
              incidentId={incident.id}
              provider={incident.provider}
              locale={locale}
              lastSeq={view.lastSeq}
              startedAt={incident.startedAt}
              feedFailingSince={view.feed?.failingSince ?? null}
              pagePath={path}
              pageUrl={pageUrl}
              incidentTitle={title}
              labels={labels}
            />
          </div>
        </div>
        <ol className="tl-list" data-tl-list>
          {items}
        </ol>
      </section>
    </div>
  );
}
