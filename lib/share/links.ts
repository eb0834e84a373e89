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

export function isNetwork(value: string): value is Network {
  return (networks as readonly string[]).includes(value);
}

function withQuery(base: string, params: Record<string, string>): string {
  return `${base}?${new URLSearchParams(params).toString()}`;
}

/** One network's share address for an http(s) URL and a title. */
export function shareLink(network: Network, url: string, title: string): string {
  const u = new URL(url);
  if (u.protocol !== 'https:' && u.protocol !== 'http:') throw new Error(`share URL must be http(s): ${url}`);
  const href = u.toString();
  switch (network) {
    case 'x':
      return withQuery('https://x.com/intent/post', { text: title, url: href });
    case 'whatsapp':
      return withQuery('https://wa.me/', { text: `${title} ${href}` });
    case 'telegram':
      return withQuery('https://t.me/share/url', { url: href, text: title });
    case 'facebook':
      return withQuery('https://www.facebook.com/sharer/sharer.php', { u: href });
    case 'linkedin':
      return withQuery('https://www.linkedin.com/sharing/share-offsite/', { url: href });
    case 'email':
      // mailto wants %20 for spaces, not "+": encode by hand.
      return `mailto:?subject=${encodeURIComponent(title)}&body=${encodeURIComponent(`${title}\n\n${href}`)}`;
  }
}

export function shareLinks(url: string, title: string): ShareLink[] {
  return networks.map((network) => ({ network, href: shareLink(network, url, title) }));
}
