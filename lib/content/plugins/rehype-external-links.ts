import type { Root } from 'hast';
import { visit } from 'unist-util-visit';

/**
 * External links open in the same tab (readers decide) but never hand the opener or the
 * full referrer to third parties.
 */
export function rehypeExternalLinks() {
  return (tree: Root) => {
    visit(tree, 'element', (node) => {
      if (node.tagName !== 'a') return;
      const href = node.properties.href;
      if (typeof href !== 'string' || !/^https?:\/\//i.test(href)) return;
      node.properties.rel = ['noopener', 'noreferrer', 'external'];
    });
  };
}
