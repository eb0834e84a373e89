import { createTranslator } from 'next-intl';
import { readDeskConfig, type DeskConfig } from '@/lib/desk/config';
import type { Translate } from '@/lib/desk/http';
import { DeskService } from '@/lib/desk/service';
import { SqliteDeskStore } from '@/lib/desk/sqlite-desk-store';
import { IncidentHub, type IncidentEvent } from '@/lib/incidents/hub';
import type { Incident } from '@/lib/incidents/model';
import { IncidentService } from '@/lib/incidents/service';
import { SqliteIncidentStore } from '@/lib/incidents/sqlite-store';
import { tempDir } from '@/lib/incidents/testing';
import type { Locale } from '@/lib/i18n/locales';
import ar from '@/messages/ar.json';
import en from '@/messages/en.json';

/** Helpers for the desk's tests (imported only from *.test.ts files). */

/** Cheap scrypt for tests; production uses N=2^17 (password.test.ts checks the real parameters). */
export const testConfig = (overrides: Partial<DeskConfig> = {}): DeskConfig => ({
  ...readDeskConfig({ SITE_URL: 'http://127.0.0.1:41400' }),
  scrypt: { N: 2 ** 10, r: 8, p: 1 },
  ...overrides,
});

export const testIncident: Incident = {
  id: 'test-outage-2025-11-20',
  provider: 'cloudflare',
  title: { ar: 'انقطاع تجريبي', en: 'Test outage' },
  affectedServices: [],
  startedAt: '2025-11-20T10:00:00.000Z',
  source: { name: 'Cloudflare Status', url: 'https://www.cloudflarestatus.com/' },
  origin: 'curated',
};

export interface DeskFixture {
  readonly dir: string;
  readonly desk: DeskService;
  readonly deskStore: SqliteDeskStore;
  readonly incidents: IncidentService;
  readonly incidentStore: SqliteIncidentStore;
  readonly events: IncidentEvent[];
  readonly clock: { now: Date; advance(ms: number): void };
  close(): Promise<void>;
}

export async function deskFixture(config: DeskConfig = testConfig()): Promise<DeskFixture> {
  const { dir, remove } = tempDir('desk-');
  const incidentStore = SqliteIncidentStore.open(dir, { warn: () => undefined });
  const hub = new IncidentHub();
  const events: IncidentEvent[] = [];
  const incidents = new IncidentService(incidentStore, hub);
  await incidents.upsertIncident(testIncident);
  // After seeding: tests see only what they caused.
  hub.subscribe(testIncident.id, (e) => events.push(e));
  const deskStore = SqliteDeskStore.open(dir);
  const clock = {
    now: new Date('2025-11-20T12:00:00.000Z'),
    advance(ms: number) {
      this.now = new Date(this.now.getTime() + ms);
    },
  };
  const desk = new DeskService({ store: deskStore, incidents, config, now: () => clock.now });
  return {
    dir,
    desk,
    deskStore,
    incidents,
    incidentStore,
    events,
    clock,
    close: async () => {
      await deskStore.close();
      await incidentStore.close();
      remove();
    },
  };
}

/** The Desk namespace through next-intl's own formatter, as the server uses it. */
export function testTranslator(locale: Locale): Translate {
  const t = createTranslator({ locale, messages: locale === 'ar' ? ar : en, namespace: 'Desk' });
  return (key, values) => t(key as never, values as never);
}
