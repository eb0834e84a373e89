import { notFound } from 'next/navigation';

// Any path under a locale that no route matches renders the localized 404 page.
export default function CatchAll(): never {
  notFound();
}
