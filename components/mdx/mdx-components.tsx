import type { ComponentProps, ReactNode } from 'react';
import type { MDXComponents } from 'mdx/types';
import type { Locale } from '@/lib/i18n/locales';
import type { Source } from '@/lib/content/schema';
import { Callout } from '@/components/mdx/Callout';
import { Figure } from '@/components/mdx/Figure';
import { Term } from '@/components/mdx/Term';
import { Stat } from '@/components/mdx/Stat';
import { TableWrap } from '@/components/mdx/TableWrap';
import { EmbeddedTimeline } from '@/components/timeline/EmbeddedTimeline';
import { RequestPathDiagram } from '@/components/diagrams/RequestPathDiagram';
import { FeatureFileDiagram } from '@/components/diagrams/FeatureFileDiagram';

interface Context {
  locale: Locale;
  sources: Source[];
  glossaryLinkLabel: string;
  tableLabel: string;
}

/** Components that use hooks, so React renders them (their blocks are not static HTML, 0064). */
export const renderedByReact: ReadonlySet<unknown> = new Set([RequestPathDiagram, FeatureFileDiagram]);

/** The components an article may use, bound to its language and sources. */
export function mdxComponents({ locale, sources, glossaryLinkLabel, tableLabel }: Context): MDXComponents {
  let termCount = 0;
  return {
    Callout,
    Figure,
    Term: ({ id, children }: { id: string; children?: ReactNode }) => (
      <Term id={id} locale={locale} uid={`${id}-${++termCount}`} glossaryLinkLabel={glossaryLinkLabel}>
        {children}
      </Term>
    ),
    Stat: (props: { value: string; label: string; source: string }) => <Stat {...props} sources={sources} />,
    IncidentTimeline: ({ id }: { id: string }) => <EmbeddedTimeline id={id} locale={locale} />,
    RequestPathDiagram: () => <RequestPathDiagram locale={locale} />,
    FeatureFileDiagram: () => <FeatureFileDiagram locale={locale} />,
    table: (props: ComponentProps<'table'>) => <TableWrap {...props} label={tableLabel} />,
  };
}
