/**
 * Plain share links: each network's documented "share a URL" address, built with
 * URLSearchParams so Arabic titles are percent-encoded correctly. No scripts from any network.
 */
export const networks = ['x', 'whatsapp', 'telegram', 'facebook', 'linkedin', 'email'] as const;
export type Network = (typeof networks)[number];

export interface ShareLink {
  network: Network;
  href: string;
}

function withQuery(base: string, params: Record<string, string>): string {
  return `${base}?${new URLSearchParams(params).toString()}`;
}

export function shareLinks(url: string, title: string): ShareLink[] {
  const u = new URL(url);
  if (u.protocol !== 'https:' && u.protocol !== 'http:') throw new Error(`share URL must be http(s): ${url}`);
  const href = u.toString();
  return [
    { network: 'x', href: withQuery('https://x.com/intent/post', { text: title, url: href }) },
    { network: 'whatsapp', href: withQuery('https://wa.me/', { text: `${title} ${href}` }) },
    { network: 'telegram', href: withQuery('https://t.me/share/url', { url: href, text: title }) },
    { network: 'facebook', href: withQuery('https://www.facebook.com/sharer/sharer.php', { u: href }) },
    { network: 'linkedin', href: withQuery('https://www.linkedin.com/sharing/share-offsite/', { url: href }) },
    // mailto wants %20 for spaces, not "+": encode by hand.
    { network: 'email', href: `mailto:?subject=${encodeURIComponent(title)}&body=${encodeURIComponent(`${title}\n\n${href}`)}` },
  ];
}
