import { z } from 'zod';

/**
 * The public origin used for absolute URLs (canonical links, feeds, sitemap, share cards).
 * Validated once; a malformed SITE_URL fails loudly at start instead of producing broken links.
 */
const schema = z
  .url({ protocol: /^https?$/, error: 'SITE_URL must be an absolute http(s) URL such as https://outagewatch.example' })
  .transform((u) => u.replace(/\/+$/, ''));

export const siteUrl: string = schema.parse(process.env.SITE_URL ?? 'http://localhost:3000');

export function absoluteUrl(path: string): string {
  return `${siteUrl}${path.startsWith('/') ? path : `/${path}`}`;
}
