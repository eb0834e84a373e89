import type { Source } from '@/lib/content/schema';

interface Props {
  value: string;
  label: string;
  source: string;
  sources: Source[];
}

/** A headline figure with its source named and linked to the sources list. */
export function Stat({ value, label, source, sources }: Props) {
  const s = sources.find((x) => x.id === source);
  if (!s) throw new Error(`<Stat source="${source}">: not one of the article's sources`);
  return (
    <span className="stat not-prose">
      <span className="stat-value">{value}</span>
      <span className="stat-label">{label}</span>
      <a className="stat-source" href={`#source-${s.id}`}>
        {s.publisher}
      </a>
    </span>
  );
}
