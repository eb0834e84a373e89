import { Fragment, type ReactNode } from 'react';
import { parseEditorialText, type EditorialInline } from '@/lib/desk/markdown';

/**
 * React rendering of the markdown subset. Only three element types can come out (`p`,
 * `strong`, `a` with an http(s) href that passed `safeLinkHref`); everything the editor typed
 * is a text child, which React escapes. No dangerouslySetInnerHTML, no HTML parsing.
 * Usable in server components and in client islands alike (no server-only imports).
 */

function renderInline(nodes: readonly EditorialInline[], keyPrefix: string): ReactNode[] {
  return nodes.map((n, i) => {
    const key = `${keyPrefix}.${i}`;
    if (n.type === 'text') return <Fragment key={key}>{n.value}</Fragment>;
    if (n.type === 'strong') return <strong key={key}>{renderInline(n.children, key)}</strong>;
    return (
      <a key={key} href={n.href} rel="noopener noreferrer">
        {renderInline(n.children, key)}
      </a>
    );
  });
}

/** Paragraph elements for an editorial text; `struck` wraps each paragraph's content in `<s>` (retracted entries). */
export function renderEditorialText(source: string, options: { struck?: boolean } = {}): ReactNode[] {
  return parseEditorialText(source).map((p, i) => {
    const content = renderInline(p.children, String(i));
    return <p key={i}>{options.struck === true ? <s>{content}</s> : content}</p>;
  });
}

/** Component form of `renderEditorialText`. */
export function EditorialText({ text, struck = false }: { text: string; struck?: boolean }) {
  return <>{renderEditorialText(text, { struck })}</>;
}
