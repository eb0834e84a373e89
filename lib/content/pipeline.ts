import type { PluggableList } from 'unified';
import remarkGfm from 'remark-gfm';
import { rehypeHeadingIds } from '@/lib/content/plugins/rehype-heading-ids';
import { rehypeCollectHeadings, type TocEntry } from '@/lib/content/plugins/rehype-collect-headings';
import { rehypeHeadingAnchors } from '@/lib/content/plugins/rehype-heading-anchors';
import { rehypeExternalLinks } from '@/lib/content/plugins/rehype-external-links';

export interface PipelineOptions {
  anchorLabel: string;
  footnoteLabel: string;
  footnoteBackLabel: string;
  /** Filled with the h2/h3 headings as the document compiles. */
  toc: TocEntry[];
}

/**
 * The declared, ordered content pipeline. Order matters: ids first, then the table of
 * contents reads them, then the "#" anchors are appended (so they stay out of the TOC).
 */
export function contentPipeline(o: PipelineOptions) {
  const remarkPlugins: PluggableList = [remarkGfm];
  const rehypePlugins: PluggableList = [
    rehypeHeadingIds,
    [rehypeCollectHeadings, { into: o.toc }],
    [rehypeHeadingAnchors, { label: o.anchorLabel }],
    rehypeExternalLinks,
  ];
  const remarkRehypeOptions = {
    footnoteLabel: o.footnoteLabel,
    footnoteBackLabel: o.footnoteBackLabel,
    footnoteLabelTagName: 'h2',
    footnoteLabelProperties: { className: ['footnotes-title'] },
  };
  return { remarkPlugins, rehypePlugins, remarkRehypeOptions };
}
