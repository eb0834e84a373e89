import { localeConfig, type Locale } from '@/lib/i18n/locales';
import { formatEntryTime, localizeText, type IncidentView, type PublicFeedHealth } from '@/lib/incidents/view';
import { fill, formatDuration } from '@/components/timeline/format';
import type { TimelineLabels } from '@/components/timeline/labels';
import { endOf, isOngoing } from '@/components/timeline/logic';
import { incidentPath } from '@/components/timeline/paths';

/** Live incidents first; within each group the most recent start first. */
export function orderIncidents(views: readonly IncidentView[]): { live: IncidentView[]; past: IncidentView[] } {
  const byStart = [...views].sort((a, b) => (a.incident.startedAt === b.incident.startedAt ? 0 : a.incident.startedAt < b.incident.startedAt ? 1 : -1));
  return { live: byStart.filter((v) => isOngoing(v.incident, v.status)), past: byStart.filter((v) => !isOngoing(v.incident, v.status)) };
}

function UtcTime({ at, locale }: { at: string; locale: Locale }) {
  return <time dateTime={at}>{formatEntryTime(at, locale)}</time>;
}

export function IncidentCard({ view, locale, labels, nowMs, updatesLabel }: { view: IncidentView; locale: Locale; labels: TimelineLabels; nowMs: number; updatesLabel: string }) {
  const { incident, status } = view;
  const ongoing = isOngoing(incident, status);
  const end = ongoing ? null : endOf(incident, view.updates);
  const title = localizeText(incident.title, locale);
  const duration = formatDuration((end === null ? nowMs : Date.parse(end)) - Date.parse(incident.startedAt), labels.intlLocale);
  return (
    <li className="incident-card" data-live={ongoing ? '1' : undefined} data-testid="incident-card">
      <h3 className="incident-card-title">
        <a href={incidentPath(locale, incident.id)}>
          {title.missing ? (
            <span lang={title.original?.lang} dir={title.original?.dir}>
              {title.original?.text ?? incident.id}
            </span>
          ) : (
            title.text
          )}
        </a>
      </h3>
      <p className="incident-card-state">
        <span className="tl-phase" data-live={ongoing ? '1' : undefined}>
          {ongoing ? labels.live : labels.ended}
        </span>
        <span className="tl-status" data-status={status ?? 'none'}>
          {labels.status[status ?? 'none']}
        </span>
      </p>
      <dl className="incident-card-facts">
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
          <dt>{ongoing ? labels.elapsed : labels.duration}</dt>
          <dd>{duration}</dd>
        </div>
      </dl>
      <p className="incident-card-count">{fill(updatesLabel, { count: new Intl.NumberFormat(labels.intlLocale).format(view.updates.length) })}</p>
    </li>
  );
}

export interface ProviderRow {
  readonly provider: string;
  readonly baseUrl: string | null;
  readonly health: PublicFeedHealth | null;
  readonly open: number;
}

/** Every status page we follow (configured or with recorded health), with its feed state. */
export function providerRows(
  sources: readonly { provider: string; baseUrl: string }[],
  feeds: readonly PublicFeedHealth[],
  views: readonly IncidentView[],
): ProviderRow[] {
  const names = [...new Set([...sources.map((s) => s.provider), ...feeds.map((f) => f.provider)])].sort();
  return names.map((provider) => ({
    provider,
    baseUrl: sources.find((s) => s.provider === provider)?.baseUrl ?? null,
    health: feeds.find((f) => f.provider === provider) ?? null,
    open: views.filter((v) => v.incident.provider === provider && isOngoing(v.incident, v.status)).length,
  }));
}

export interface ProviderLabels {
  readonly state: Readonly<Record<PublicFeedHealth['state'], string>>;
  /** Templates with {time} / {count}. */
  readonly lastChecked: string;
  readonly failingSince: string;
  readonly open: string;
  readonly noneOpen: string;
}

export function ProviderStatus({ row, locale, labels }: { row: ProviderRow; locale: Locale; labels: ProviderLabels }) {
  const state = row.health?.state ?? 'unknown';
  let host = row.provider;
  if (row.baseUrl !== null) {
    try {
      host = new URL(row.baseUrl).host;
    } catch {
      /* keep the provider name */
    }
  }
  return (
    <li className="provider" data-state={state} data-testid="provider-status">
      <p className="provider-name">
        {row.baseUrl === null ? (
          <bdi>{host}</bdi>
        ) : (
          <a href={row.baseUrl} rel="noopener noreferrer">
            <bdi>{host}</bdi>
          </a>
        )}
        <span className="provider-state" data-state={state}>
          {labels.state[state]}
        </span>
      </p>
      <p className="provider-detail">
        {row.health?.failingSince ? (
          <span>{fill(labels.failingSince, { time: formatEntryTime(row.health.failingSince, locale) })}</span>
        ) : row.health?.lastSuccessAt ? (
          <span>{fill(labels.lastChecked, { time: formatEntryTime(row.health.lastSuccessAt, locale) })}</span>
        ) : null}
        <span>{row.open > 0 ? fill(labels.open, { count: new Intl.NumberFormat(localeConfig(locale).intlLocale).format(row.open) }) : labels.noneOpen}</span>
      </p>
    </li>
  );
}
