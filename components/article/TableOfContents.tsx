import type { TocEntry } from '@/lib/content/plugins/rehype-collect-headings';

export function TableOfContents({ entries, label }: { entries: TocEntry[]; label: string }) {
  if (entries.length < 2) return null;
  return (
    <nav className="toc" aria-labelledby="toc-title" data-testid="toc">
      <h2 id="toc-title" className="toc-title">
        {label}
      </h2>
      <ol>
        {entries.map((e) => (
          <li key={e.id} data-depth={e.depth}>
            <a href={`#${e.id}`}>{e.text}</a>
          </li>
        ))}
      </ol>
    </nav>
  );
}
