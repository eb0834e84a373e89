import type { NextConfig } from 'next';
import createNextIntlPlugin from 'next-intl/plugin';
import { securityHeaders } from './lib/security/csp';

const withNextIntl = createNextIntlPlugin('./lib/i18n/request.ts');

const nextConfig: NextConfig = {
  reactStrictMode: true,
  // A separate build directory lets the benchmark build generated content beside the normal build.
  distDir: process.env.NEXT_DIST_DIR ?? '.next',
  poweredByHeader: false,
  // Native modules load from node_modules at run time instead of being bundled.
  serverExternalPackages: ['better-sqlite3', '@takumi-rs/core', '@takumi-rs/helpers'],
  // Share cards read their fonts from node_modules at render time; make sure they ship.
  outputFileTracingIncludes: {
    '/[locale]/articles/[slug]/card.png': [
      './node_modules/@fontsource-variable/noto-naskh-arabic/files/noto-naskh-arabic-arabic-wght-normal.woff2',
      './node_modules/@fontsource-variable/inter/files/inter-latin-wght-normal.woff2',
      './node_modules/@fontsource-variable/inter/files/inter-latin-ext-wght-normal.woff2',
    ],
  },
  // Types are checked once, by `npm run typecheck` (the first step of `npm test`), not again in every build.
  typescript: { ignoreBuildErrors: true },
  // The same security headers on every response; the CSP itself is set per response by proxy.ts.
  async headers() {
    return [
      { source: '/:path*', headers: Object.entries(securityHeaders()).map(([key, value]) => ({ key, value })) },
      // Content-hashed font files (app/fonts.ts): a new subset is a new name.
      { source: '/fonts/:file*', headers: [{ key: 'Cache-Control', value: 'public, max-age=31536000, immutable' }] },
      // The newsroom desk is never indexed, whatever a crawler ignores in robots.txt.
      { source: '/:locale(ar|en)/desk/:path*', headers: [{ key: 'X-Robots-Tag', value: 'noindex, nofollow' }] },
      { source: '/:locale(ar|en)/desk', headers: [{ key: 'X-Robots-Tag', value: 'noindex, nofollow' }] },
    ];
  },
};

export default withNextIntl(nextConfig);
