import { describe, expect, it } from 'vitest';
import { absolute, feedOrigin, feedPaths, pagePaths } from '@/lib/feeds/urls';
import { siteUrl } from '@/lib/seo/site';

describe('feedOrigin', () => {
  it('normalises the origin and keeps a sub-path deployment', () => {
    expect(feedOrigin('https://outage.example/')).toBe('https://outage.example');
    expect(feedOrigin('https://example.org/outage-watch/?x=1')).toBe('https://example.org/outage-watch');
  });

  it('defaults to the validated SITE_URL', () => {
    expect(feedOrigin()).toBe(siteUrl);
  });

  it('rejects relative and non-http origins', () => {
    expect(() => feedOrigin('outage.example')).toThrow(/absolute http\(s\) URL/);
    expect(() => feedOrigin('ftp://outage.example')).toThrow(/absolute http\(s\) URL/);
  });
});

describe('paths', () => {
  it('builds locale-prefixed paths for both languages', () => {
    expect(feedPaths.rss('ar')).toBe('/ar/feed.xml');
    expect(feedPaths.atom('en')).toBe('/en/atom.xml');
    expect(feedPaths.json('ar')).toBe('/ar/feed.json');
    expect(feedPaths.incidentRss('en', 'cloudflare-2025-11-18')).toBe('/en/incidents/cloudflare-2025-11-18/feed.xml');
    expect(pagePaths.shareCard('ar', 'who-was-hit')).toBe('/ar/articles/who-was-hit/card.png');
    expect(pagePaths.incidentUpdate('ar', 'cloudflare-2025-11-18', 'u-1')).toBe('/ar/incidents/cloudflare-2025-11-18#update-u-1');
  });

  it('encodes anything unexpected in a path segment', () => {
    expect(pagePaths.article('ar', 'عطل كلاودفلير')).toBe('/ar/articles/%D8%B9%D8%B7%D9%84%20%D9%83%D9%84%D8%A7%D9%88%D8%AF%D9%81%D9%84%D9%8A%D8%B1');
  });

  it('joins an origin and a path, refusing relative paths', () => {
    expect(absolute('https://outage.example', '/ar')).toBe('https://outage.example/ar');
    expect(() => absolute('https://outage.example', 'ar')).toThrow(/starting with/);
  });
});
