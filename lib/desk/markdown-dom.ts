import { parseEditorialText, type EditorialInline } from '@/lib/desk/markdown';

/**
 * DOM rendering of the markdown subset, for code that builds entries in the browser (the live
 * timeline island). Same output as markdown-react.tsx; text only ever goes through text nodes.
 */

function appendInline(parent: Node, nodes: readonly EditorialInline[], doc: Document): void {
  for (const n of nodes) {
    if (n.type === 'text') {
      parent.appendChild(doc.createTextNode(n.value));
    } else if (n.type === 'strong') {
      const strong = doc.createElement('strong');
      appendInline(strong, n.children, doc);
      parent.appendChild(strong);
    } else {
      const a = doc.createElement('a');
      a.setAttribute('href', n.href);
      a.setAttribute('rel', 'noopener noreferrer');
      appendInline(a, n.children, doc);
      parent.appendChild(a);
    }
  }
}

/** `<p>` elements for an editorial text, optionally with each paragraph's content struck through. */
export function editorialTextElements(source: string, options: { struck?: boolean; document?: Document } = {}): HTMLParagraphElement[] {
  const doc = options.document ?? document;
  return parseEditorialText(source).map((paragraph) => {
    const p = doc.createElement('p');
    const target = options.struck === true ? p.appendChild(doc.createElement('s')) : p;
    appendInline(target, paragraph.children, doc);
    return p;
  });
}
