import type { MetadataRoute } from 'next';
import { absoluteUrl } from '@/lib/seo/site';

export default function robots(): MetadataRoute.Robots {
  return {
    rules: [
      {
        userAgent: '*',
        allow: '/',
        // The per-update share links only redirect to the networks.
        disallow: ['/api/', '/ar/desk', '/en/desk', '/ar/incidents/*/share/', '/en/incidents/*/share/'],
      },
    ],
    sitemap: absoluteUrl('/sitemap.xml'),
  };
}
