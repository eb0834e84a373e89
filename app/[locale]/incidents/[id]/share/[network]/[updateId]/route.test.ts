import { describe, expect, it, vi } from 'vitest';
import { createTranslator, type AbstractIntlMessages } from 'next-intl';
import type { IncidentView } from '@/lib/incidents/view';
import ar from '@/messages/ar.json';
import en from '@/messages/en.json';
import { entry } from '@/components/timeline/fixtures';

const view: IncidentView = {
  incident: {
    id: 'example-incident',
    provider: 'cloudflare',
    title: { ar: 'انقطاع تجريبي & أكثر', en: 'Example outage' },
    affectedServices: [],
    startedAt: '2025-11-18T11:20:00Z',
    source: { name: 'Cloudflare Status', url: 'https://www.cloudflarestatus.com/incidents/x' },
    origin: 'curated',
  },
  status: 'resolved',
  lastSeq: 2,
  updates: [entry({ id: 'sp-u1', at: '2025-11-18T11:48:00Z' }), entry({ id: 'pm-1', at: '2025-11-18T23:59:00Z', atPrecision: 'day', seq: 2 })],
  feed: null,
};

const getIncidentView = vi.fn(async (id: string) => (id === view.incident.id ? view : undefined));
vi.mock('@/lib/incidents/runtime', () => ({ getIncidentService: async () => ({ getIncidentView }) }));
vi.mock('next-intl/server', () => ({
  getTranslations: async ({ locale, namespace }: { locale: 'ar' | 'en'; namespace: string }) => {
    const messages: AbstractIntlMessages = { ar, en }[locale];
    return createTranslator({ locale, messages, namespace });
  },
}));

const { GET } = await import('./route');
const site = process.env.SITE_URL?.replace(/\/+$/, '') ?? 'http://localhost:3000';

async function get(locale: string, id: string, network: string, updateId: string): Promise<Response> {
  return GET(new Request(`${site}/${locale}/incidents/${id}/share/${network}/${updateId}`), { params: Promise.resolve({ locale, id, network, updateId }) });
}

describe('the share redirect', () => {
  it('answers 303 to the network, carrying our permalink of the update and its title', async () => {
    const res = await get('ar', 'example-incident', 'x', 'sp-u1');
    expect(res.status).toBe(303);
    expect(res.headers.get('referrer-policy')).toBe('no-referrer');
    const target = new URL(res.headers.get('location') ?? '');
    expect(target.origin).toBe('https://x.com');
    expect(target.searchParams.get('url')).toBe(`${site}/ar/incidents/example-incident#update-sp-u1`);
    expect(target.searchParams.get('text')).toBe('انقطاع تجريبي & أكثر: تحديث 18 نوفمبر 2025، 11:48 UTC');
  });

  it('builds every network with the helper; a date-only update is shared with its date', async () => {
    for (const network of ['x', 'whatsapp', 'telegram', 'facebook', 'linkedin', 'email']) {
      const res = await get('en', 'example-incident', network, 'pm-1');
      expect(res.status, network).toBe(303);
      const location = res.headers.get('location') ?? '';
      expect(location).toMatch(network === 'email' ? /^mailto:\?subject=/ : /^https:\/\//);
      expect(decodeURIComponent(location)).toContain(`/en/incidents/example-incident#update-pm-1`);
    }
    const mail = (await get('en', 'example-incident', 'email', 'pm-1')).headers.get('location') ?? '';
    expect(decodeURIComponent(mail)).toContain('Example outage: update of 18 November 2025');
  });

  it('anything unknown or malformed is a 404, never a 500 nor a redirect elsewhere', async () => {
    getIncidentView.mockClear();
    const cases: [string, string, string, string][] = [
      ['fr', 'example-incident', 'x', 'sp-u1'],
      ['ar', 'example-incident', 'myspace', 'sp-u1'],
      ['ar', 'example-incident', 'x', 'no-such-update'],
      ['ar', 'no-such-incident', 'x', 'sp-u1'],
      ['ar', 'example-incident', 'x', 'https:%2F%2Fevil.example'],
      ['ar', '..%2F..%2Fevil', 'x', 'sp-u1'],
      ['ar', 'example-incident', '__proto__', 'sp-u1'],
      ['ar', 'example-incident', 'x', 'A'.repeat(500)],
    ];
    for (const c of cases) {
      const res = await get(...c);
      expect(res.status, c.join('/')).toBe(404);
      expect(res.headers.get('location')).toBeNull();
    }
    // Malformed values never reach the store.
    expect(getIncidentView.mock.calls.map(([id]) => id)).toEqual(['example-incident', 'no-such-incident']);
  });
});
