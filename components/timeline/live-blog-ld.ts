import { localeConfig, type Locale } from '@/lib/i18n/locales';
import type { UpdateStatus } from '@/lib/incidents/model';
import { localizeText, shownText, type IncidentView } from '@/lib/incidents/view';
import { absoluteUrl } from '@/lib/seo/site';
import { excerpt, readableText } from '@/components/timeline/format';
import { endOf, isOngoing, sortEntries } from '@/components/timeline/logic';
import { incidentPath, plainTitle } from '@/components/timeline/paths';

interface Names {
  readonly siteName: string;
  readonly newsroom: string;
  readonly description: string;
  readonly status: Readonly<Record<UpdateStatus, string>>;
}

/**
 * schema.org LiveBlogPosting for an incident page. Retracted updates are left out of
 * `liveBlogUpdate` (the page keeps them, struck through); an update not yet translated is
 * given in its original language and says so through its own `inLanguage`.
 */
export function liveBlogPostingLd(view: IncidentView, locale: Locale, n: Names): Record<string, unknown> {
  const { incident } = view;
  const url = absoluteUrl(incidentPath(locale, incident.id));
  const chronological = sortEntries(view.updates, 'oldest');
  const end = isOngoing(incident, view.status) ? null : endOf(incident, view.updates);
  const instants = view.updates.flatMap((e) => [e.at, e.correctedAt, e.retracted?.at ?? null]).filter((x): x is string => x !== null);
  const modified = instants.reduce<string | null>((max, x) => (max === null || x > max ? x : max), null);
  const updates = sortEntries(
    view.updates.filter((e) => e.retracted === null),
    'newest',
  ).flatMap((e) => {
    const text = localizeText(e.text, locale);
    const raw = shownText(text);
    if (raw === null) return [];
    const body = { text: readableText(raw.text, e.kind, raw.lang), lang: raw.lang };
    return [
      {
        '@type': 'BlogPosting',
        headline: excerpt(`${n.status[e.status]}: ${body.text}`, 110),
        articleBody: body.text,
        inLanguage: localeConfig(body.lang).tag,
        datePublished: e.at,
        ...(e.correctedAt === null ? {} : { dateModified: e.correctedAt }),
        url: `${url}#update-${e.id}`,
      },
    ];
  });
  return {
    '@context': 'https://schema.org',
    '@type': 'LiveBlogPosting',
    headline: plainTitle(view, locale),
    description: n.description,
    inLanguage: localeConfig(locale).tag,
    url,
    mainEntityOfPage: url,
    coverageStartTime: incident.startedAt,
    ...(end === null ? {} : { coverageEndTime: end }),
    datePublished: chronological[0]?.at ?? incident.startedAt,
    ...(modified === null ? {} : { dateModified: modified }),
    author: [{ '@type': 'Organization', name: n.newsroom, url: absoluteUrl(`/${locale}/about`) }],
    publisher: {
      '@type': 'NewsMediaOrganization',
      name: n.siteName,
      url: absoluteUrl(`/${locale}`),
      logo: { '@type': 'ImageObject', url: absoluteUrl('/icons/icon-512.png'), width: 512, height: 512 },
    },
    liveBlogUpdate: updates,
  };
}
