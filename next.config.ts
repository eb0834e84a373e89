import type { NextConfig } from 'next';
import createNextIntlPlugin from 'next-intl/plugin';

const withNextIntl = createNextIntlPlugin('./lib/i18n/request.ts');

const nextConfig: NextConfig = {
  reactStrictMode: true,
  poweredByHeader: false,
  // Native modules load from node_modules at run time instead of being bundled.
  serverExternalPackages: ['better-sqlite3', '@takumi-rs/core'],
  typedRoutes: false,
};

export default withNextIntl(nextConfig);
