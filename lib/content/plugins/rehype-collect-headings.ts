import type { Root } from 'hast';
import { toString } from 'hast-util-to-string';
import { visit } from 'unist-util-visit';

export interface TocEntry {
  id: string;
  text: string;
  depth: 2 | 3;
}

/**
 * Records h2/h3 headings (after ids are assigned) for the table of contents. Runs before
 * the anchor plugin so the "#" is not part of the text. The footnotes heading is skipped.
 */
export function rehypeCollectHeadings({ into }: { into: TocEntry[] }) {
  return (tree: Root) => {
    visit(tree, 'element', (node) => {
      if (node.tagName !== 'h2' && node.tagName !== 'h3') return;
      const id = node.properties.id;
      if (typeof id !== 'string' || !id || id === 'footnote-label') return;
      into.push({ id, text: toString(node).trim(), depth: node.tagName === 'h2' ? 2 : 3 });
    });
  };
}
