import type { Locale } from '@/lib/i18n/locales';
import { formatEntryTime, localizeText, type IncidentView } from '@/lib/incidents/view';
import { formatDuration, splitAround } from '@/components/timeline/format';
import type { TimelineLabels } from '@/components/timeline/labels';
import { endOf, isOngoing } from '@/components/timeline/logic';

function UtcTime({ at, locale }: { at: string; locale: Locale }) {
  return (
    <time dateTime={at} data-precision="minute">
      <span className="tl-utc">{formatEntryTime(at, locale)}</span>
      <span className="tl-local" />
    </time>
  );
}

/** "Official feed unreachable since <time>": also rebuilt by the island when health changes. */
export function StaleNotice({ failingSince, locale, labels }: { failingSince: string | null; locale: Locale; labels: TimelineLabels }) {
  const [before, after] = splitAround(labels.feedFailing, 'time');
  return (
    <p className="tl-stale" data-tl-stale hidden={failingSince === null}>
      {failingSince === null ? null : (
        <>
          {before}
          <UtcTime at={failingSince} locale={locale} />
          {after}
        </>
      )}
    </p>
  );
}

/**
 * The incident's title and facts: current status (derived, never stored), start, elapsed time
 * while it lasts or total duration once it has ended, affected services, the official source,
 * and the health of the official feed.
 */
export function TimelineHeader({ view, locale, labels, nowMs, titleId }: { view: IncidentView; locale: Locale; labels: TimelineLabels; nowMs: number; titleId: string }) {
  const { incident, status } = view;
  const ongoing = isOngoing(incident, status);
  const end = ongoing ? null : endOf(incident, view.updates);
  const title = localizeText(incident.title, locale);
  const durationMs = (end === null ? nowMs : Date.parse(end)) - Date.parse(incident.startedAt);
  return (
    <header className="tl-header">
      <p className="tl-phase" data-tl-phase data-live={ongoing ? '1' : undefined}>
        {ongoing ? labels.live : labels.ended}
      </p>
      <h1 id={titleId} className="tl-h1">
        {title.missing ? (
          title.original === null ? (
            incident.id
          ) : (
            <span lang={title.original.lang} dir={title.original.dir}>
              {title.original.text}
            </span>
          )
        ) : (
          title.text
        )}
      </h1>
      <dl className="tl-facts">
        <div>
          <dt>{labels.currentStatus}</dt>
          <dd>
            <span className="tl-status" data-status={status ?? 'none'} data-tl-status>
              {labels.status[status ?? 'none']}
            </span>
          </dd>
        </div>
        <div>
          <dt>{labels.started}</dt>
          <dd>
            <UtcTime at={incident.startedAt} locale={locale} />
          </dd>
        </div>
        {end !== null ? (
          <div>
            <dt>{labels.endedAt}</dt>
            <dd>
              <UtcTime at={end} locale={locale} />
            </dd>
          </div>
        ) : null}
        <div>
          <dt data-tl-duration-label>{ongoing ? labels.elapsed : labels.duration}</dt>
          <dd data-tl-elapsed={ongoing ? incident.startedAt : undefined}>{formatDuration(durationMs, labels.intlLocale)}</dd>
        </div>
        <div>
          <dt>{labels.officialSource}</dt>
          <dd>
            <a href={incident.source.url} rel="noopener noreferrer">
              <bdi>{incident.source.name}</bdi>
            </a>
          </dd>
        </div>
        {incident.affectedServices.length > 0 ? (
          <div className="tl-facts-wide">
            <dt>{labels.affected}</dt>
            <dd>
              <ul className="tl-services">
                {incident.affectedServices.map((s) => (
                  <li key={s}>
                    <bdi>{s}</bdi>
                  </li>
                ))}
              </ul>
            </dd>
          </div>
        ) : null}
      </dl>
      <StaleNotice failingSince={view.feed?.failingSince ?? null} locale={locale} labels={labels} />
    </header>
  );
}
