import { randomSlug } from '@/lib/desk/crypto';

/** `ed-20251118t1148-k3j9x2mq`: editorial update ids readers see in permalinks (#update-…). */
export function newUpdateId(now: Date): string {
  const stamp = now.toISOString().slice(0, 16).replace(/[-:]/g, '').toLowerCase();
  return `ed-${stamp}-${randomSlug(8)}`;
}

/** "Cloudflare DNS outage" on 20 Nov 2025 → cloudflare-dns-outage-2025-11-20. */
export function incidentSlug(title: string | undefined, provider: string, now: Date): string {
  const words = (title ?? '')
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 50)
    .replace(/-+$/, '');
  const base = words.length >= 3 ? words : provider;
  return `${base}-${now.toISOString().slice(0, 10)}`;
}
