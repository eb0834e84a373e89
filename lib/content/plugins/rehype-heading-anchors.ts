import type { Root } from 'hast';
import { visit } from 'unist-util-visit';

interface Options {
  /** Accessible name of the anchor link, in the page's language. */
  label: string;
}

/**
 * Appends a visible "#" permalink to each h2–h3 with an id. It is appended, not wrapped
 * around the heading, so the heading text stays plain for screen readers and the table of contents.
 */
export function rehypeHeadingAnchors({ label }: Options) {
  return (tree: Root) => {
    visit(tree, 'element', (node) => {
      if (node.tagName !== 'h2' && node.tagName !== 'h3') return;
      const id = node.properties.id;
      if (typeof id !== 'string' || !id) return;
      node.children.push({
        type: 'element',
        tagName: 'a',
        properties: { href: `#${id}`, className: ['heading-anchor'], ariaLabel: label },
        children: [{ type: 'text', value: '#' }],
      });
    });
  };
}
