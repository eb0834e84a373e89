import type { Root } from 'hast';
import { toString } from 'hast-util-to-string';
import { visit } from 'unist-util-visit';
import { createSlugger } from '@/lib/content/slugify';

const HEADINGS = new Set(['h2', 'h3', 'h4']);

/** Gives every h2–h4 a stable, unique id derived from its text (Arabic-aware). */
export function rehypeHeadingIds() {
  return (tree: Root) => {
    const slug = createSlugger();
    visit(tree, 'element', (node) => {
      if (!HEADINGS.has(node.tagName)) return;
      const existing = node.properties.id;
      if (typeof existing === 'string' && existing) return;
      node.properties.id = slug(toString(node));
    });
  };
}
