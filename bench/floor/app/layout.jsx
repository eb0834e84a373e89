/** The framework floor (bench/README.md): a root layout with nothing of ours in it. Plain JSX, so
 * that Next writes no tsconfig.json here (with one, it also compiles the site's proxy.ts). */
export default function RootLayout({ children }) {
  return (
    <html lang="en">
      <body>{children}</body>
    </html>
  );
}
