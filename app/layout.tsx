import type { ReactNode } from 'react';

// The real document (with lang and dir) is rendered by app/[locale]/layout.tsx.
export default function RootLayout({ children }: { children: ReactNode }) {
  return children;
}
