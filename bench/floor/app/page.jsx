export const metadata = { title: 'Framework floor', description: 'A minimal Next.js App Router page: no client component, no CSS, no web font.' };

/** About as much text as an article's first screen, so the page has something to paint. */
export default function Page() {
  return (
    <main>
      <h1>Framework floor</h1>
      {Array.from({ length: 6 }, (_, i) => (
        <p key={i}>{'A minimal Next.js App Router page, statically prerendered, with no client component of its own. '.repeat(4)}</p>
      ))}
    </main>
  );
}
