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
 * The name of a footnote's "↩" link back to the text. A note cited more than once has one link
 * per citation, the later ones showing their number (↩², ↩³): their names carry that number too,
 * so what is seen is in what is announced (WCAG 2.5.3, label in name).
 */
export function footnoteBackLabel(label: string) {
  return (_referenceIndex: number, rereferenceIndex: number) => (rereferenceIndex > 1 ? `${label} ${rereferenceIndex}` : label);
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
    footnoteBackLabel: footnoteBackLabel(o.footnoteBackLabel),
    footnoteLabelTagName: 'h2',
    footnoteLabelProperties: { className: ['footnotes-title'] },
  };
  return { remarkPlugins, rehypePlugins, remarkRehypeOptions };
}
