import type { ReactNode } from 'react';

const kinds = ['note', 'warning', 'key'] as const;
type Kind = (typeof kinds)[number];

export function Callout({ kind = 'note', title, children }: { kind?: Kind | string; title?: string; children: ReactNode }) {
  const k: Kind = (kinds as readonly string[]).includes(kind) ? (kind as Kind) : 'note';
  return (
    <aside className="callout not-prose" data-kind={k} aria-label={title}>
      {title ? <p className="callout-title">{title}</p> : null}
      <div className="callout-body">{children}</div>
    </aside>
  );
}
