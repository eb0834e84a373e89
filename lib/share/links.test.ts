import { describe, expect, it } from 'vitest';
import { isNetwork, networks, shareLink, shareLinks } from '@/lib/share/links';

const arTitle = 'عطل كلاودفلير يوقف ChatGPT وإكس & أكثر';
const url = 'https://outagewatch.example/ar/articles/cloudflare-outage-november-2025';

describe('shareLinks', () => {
  it('builds a well-formed link per network, with the Arabic title and URL round-tripping', () => {
    const links = shareLinks(url, arTitle);
    expect(links.map((l) => l.network)).toEqual(['x', 'whatsapp', 'telegram', 'facebook', 'linkedin', 'email']);
    for (const l of links) {
      const parsed = new URL(l.href);
      expect(['https:', 'mailto:']).toContain(parsed.protocol);
      expect(l.href).not.toMatch(/[\s<>"]/);
    }
    const x = new URL(links[0]!.href);
    expect(x.hostname).toBe('x.com');
    expect(x.searchParams.get('text')).toBe(arTitle);
    expect(x.searchParams.get('url')).toBe(url);
    const wa = new URL(links[1]!.href);
    expect(wa.searchParams.get('text')).toBe(`${arTitle} ${url}`);
    const mail = links[5]!.href;
    expect(decodeURIComponent(mail.split('subject=')[1]!.split('&')[0]!)).toBe(arTitle);
    expect(mail).not.toContain('+');
  });

  it('works for English titles and permalinks with fragments', () => {
    const links = shareLinks('https://outagewatch.example/en/incidents/cloudflare-2025-11-18#update-1120', 'Cloudflare: what went wrong');
    const tg = new URL(links[2]!.href);
    expect(tg.searchParams.get('url')).toBe('https://outagewatch.example/en/incidents/cloudflare-2025-11-18#update-1120');
  });

  it('refuses non-http URLs', () => {
    expect(() => shareLinks('javascript:alert(1)', 'x')).toThrow(/http/);
  });

  it('shareLink gives the same address as the list, network by network; isNetwork is an allow-list', () => {
    const links = shareLinks(url, arTitle);
    for (const n of networks) expect(shareLink(n, url, arTitle)).toBe(links.find((l) => l.network === n)?.href);
    expect(networks.filter(isNetwork)).toEqual([...networks]);
    for (const v of ['', 'X', 'myspace', '__proto__', 'constructor', 'x/../evil']) expect(isNetwork(v)).toBe(false);
    expect(() => shareLink('x', 'javascript:alert(1)', 'x')).toThrow(/http/);
  });
});
