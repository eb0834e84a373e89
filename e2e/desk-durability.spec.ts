import fs from 'node:fs';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import arMessages from '../messages/ar.json' with { type: 'json' };
import enMessages from '../messages/en.json' with { type: 'json' };
import { addEditor, freshDataDir, startDeskServer, type DeskServer } from './desk-server';

/**
 * What the desk promises about storage, against real production servers:
 * - an acknowledged publish (201) survives kill -9 of the server (WAL + synchronous=FULL);
 * - two editors publishing at once both land, each in the order they sent;
 * - an unusable data directory gives a clear, localized 503 on the desk while readers are served.
 */

const INCIDENT = 'cloudflare-2025-11-18';
const servers: DeskServer[] = [];

// Own servers and CLI runs: more than the main config's 30 s per test on a busy 2-core machine.
test.describe.configure({ mode: 'serial', timeout: 90_000 });

test.afterEach(async () => {
  for (const s of servers.splice(0)) await s.stop();
});

async function publish(url: string, token: string, id: string, text: string): Promise<number> {
  const res = await fetch(`${url}/api/desk/updates`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    body: JSON.stringify({ action: 'publish', incident: INCIDENT, status: 'monitoring', text: { en: text, ar: `نص ${text}` }, id }),
  });
  return res.status;
}

async function storedIds(url: string): Promise<string[]> {
  const res = await fetch(`${url}/api/incidents/${INCIDENT}`);
  expect(res.status).toBe(200);
  return ((await res.json()) as { updates: { id: string }[] }).updates.map((u) => u.id);
}

test('an acknowledged publish survives kill -9 of the server', async () => {
  const dir = freshDataDir('desk-kill9-');
  const token = (await addEditor(dir, 'night@example.org', 'Night editor', 'correct horse battery staple', true)) ?? '';
  const first = await startDeskServer(21420, dir);
  servers.push(first);
  expect(await publish(first.url, token, 'ed-durable-1', 'Survives a crash')).toBe(201);
  // Killed the instant after the acknowledgement: no graceful shutdown, no checkpoint.
  await first.kill9();
  expect(first.child.signalCode).toBe('SIGKILL');

  const second = await startDeskServer(21420, dir);
  servers.push(second);
  expect(await storedIds(second.url)).toContain('ed-durable-1');
  // Its audit row (written before the append) survived too.
  const sqlite = (await import('better-sqlite3')).default;
  const db = new sqlite(path.join(dir, 'outage-watch.sqlite'), { readonly: true });
  try {
    expect(db.prepare("SELECT action FROM desk_audit WHERE update_id = 'ed-durable-1'").all()).toEqual([{ action: 'update.publish' }]);
  } finally {
    db.close();
  }
});

test('two editors publishing at once both land, each in the order sent', async () => {
  const dir = freshDataDir('desk-concurrent-');
  const a = (await addEditor(dir, 'a@example.org', 'Editor A', 'correct horse battery staple', true)) ?? '';
  const b = (await addEditor(dir, 'b@example.org', 'Editor B', 'correct horse battery staple', true)) ?? '';
  const server = await startDeskServer(21421, dir);
  servers.push(server);
  const run = async (token: string, prefix: string): Promise<number[]> => {
    const statuses: number[] = [];
    for (let i = 0; i < 8; i += 1) statuses.push(await publish(server.url, token, `${prefix}-${i}`, `${prefix} ${i}`));
    return statuses;
  };
  // Both editors at the same moment, plus a burst of simultaneous single posts.
  const [sa, sb, burst] = await Promise.all([run(a, 'ed-a'), run(b, 'ed-b'), Promise.all([...Array(6).keys()].map((i) => publish(server.url, i % 2 === 0 ? a : b, `ed-burst-${i}`, `burst ${i}`)))]);
  expect([...sa, ...sb, ...burst].every((s) => s === 201)).toBe(true);
  const res = await fetch(`${server.url}/api/incidents/${INCIDENT}`);
  const updates = ((await res.json()) as { updates: { id: string; seq: number }[] }).updates;
  const bySeq = [...updates].sort((x, y) => x.seq - y.seq).map((u) => u.id);
  for (const prefix of ['ed-a', 'ed-b']) expect(bySeq.filter((id) => id.startsWith(`${prefix}-`))).toEqual([...Array(8).keys()].map((i) => `${prefix}-${i}`));
  expect(bySeq.filter((id) => id.startsWith('ed-burst-')).sort()).toEqual([...Array(6).keys()].map((i) => `ed-burst-${i}`));
  expect(new Set(updates.map((u) => u.seq)).size).toBe(updates.length);
});

/*
 * An unusable data directory. `chmod -w` proves nothing here: the tests run as root, and root
 * ignores permission bits. Instead the database path is made a directory, which fails for root
 * too (EISDIR / SQLITE_CANTOPEN) exactly where a read-only or full volume fails: opening or
 * writing the file. The runtime then serves readers from the bundled timeline in memory and the
 * desk refuses to work on non-durable storage. (Failures *during* a write, such as SQLITE_FULL
 * and SQLITE_READONLY, are covered by lib/desk/service.test.ts with a size-capped database and
 * lib/desk/http.test.ts with an injected failing store.)
 */
test('an unusable data directory: a localized 503 on the desk, readers still served', async ({ page, request }) => {
  const dir = freshDataDir('desk-readonly-');
  fs.mkdirSync(path.join(dir, 'outage-watch.sqlite'));
  const server = await startDeskServer(21422, dir);
  servers.push(server);

  for (const [locale, m] of [['ar', arMessages.Desk], ['en', enMessages.Desk]] as const) {
    const response = await page.goto(`${server.url}/${locale}/desk`);
    expect(response?.status()).toBe(503);
    expect(page.url()).toBe(`${server.url}/${locale}/desk/unavailable`);
    await expect(page.locator('html')).toHaveAttribute('lang', locale);
    await expect(page.locator('h1')).toHaveText(m.storage.title);
    await expect(page.getByRole('alert')).toHaveText(m.storage.body);

    const login = await request.post(`${server.url}/api/desk/login`, { form: { email: 'x@example.org', password: 'whatever it is', locale }, headers: { origin: server.url }, maxRedirects: 0 });
    expect(login.status()).toBe(503);
    expect(await login.text()).toContain(m.problems.storageTitle);

    const api = await request.post(`${server.url}/api/desk/updates`, {
      data: { action: 'publish', incident: INCIDENT, status: 'monitoring', text: { en: 'x' }, locale },
      headers: { authorization: 'Bearer owd_aaaaaaaaaaaa_aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa' },
    });
    expect(api.status()).toBe(503);
    expect(await api.json()).toEqual({ error: 'storage-unavailable', message: m.api.storage });

    // Readers: the home page and the incident timeline still answer.
    expect((await request.get(`${server.url}/${locale}`)).status()).toBe(200);
    expect((await request.get(`${server.url}/${locale}/incidents/${INCIDENT}`)).status()).toBe(200);
  }
  const snapshot = (await (await request.get(`${server.url}/api/incidents/${INCIDENT}`)).json()) as { storage: { degraded: boolean } };
  expect(snapshot.storage.degraded).toBe(true);
});
