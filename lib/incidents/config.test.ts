import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseStatuspageUrls, providerFromHost, readIncidentConfig } from '@/lib/incidents/config';

describe('readIncidentConfig', () => {
  it('defaults: .data under the working directory, Cloudflare every 60 s, ingest on, 2000 streams', () => {
    const { config, problems } = readIncidentConfig({}, '/srv/site');
    expect(problems).toEqual([]);
    expect(config).toEqual({
      dataDir: path.join('/srv/site', '.data'),
      statuspage: { sources: [{ provider: 'cloudflare', baseUrl: 'https://www.cloudflarestatus.com' }], pollSeconds: 60, ingest: true },
      sseMaxConnections: 2000,
    });
  });

  it('an empty STATUSPAGE_URLS turns ingest off by listing no source', () => {
    expect(readIncidentConfig({ STATUSPAGE_URLS: '' }, '/x').config.statuspage.sources).toEqual([]);
  });

  it('clamps the poll interval to 5 s and reports it', () => {
    const { config, problems } = readIncidentConfig({ STATUSPAGE_POLL_SECONDS: '1' }, '/x');
    expect(config.statuspage.pollSeconds).toBe(5);
    expect(problems.join()).toMatch(/minimum/);
  });

  it('reports a non-numeric interval and keeps the default', () => {
    const { config, problems } = readIncidentConfig({ STATUSPAGE_POLL_SECONDS: 'soon' }, '/x');
    expect(config.statuspage.pollSeconds).toBe(60);
    expect(problems).toHaveLength(1);
  });

  it.each([
    ['off', false],
    ['OFF', false],
    ['0', false],
    ['on', true],
    ['true', true],
  ])('STATUSPAGE_INGEST=%s → ingest %s', (value, expected) => {
    expect(readIncidentConfig({ STATUSPAGE_INGEST: value }, '/x').config.statuspage.ingest).toBe(expected);
  });

  it('treats an unreadable kill switch as pulled', () => {
    const { config, problems } = readIncidentConfig({ STATUSPAGE_INGEST: 'maybe' }, '/x');
    expect(config.statuspage.ingest).toBe(false);
    expect(problems).toHaveLength(1);
  });

  it('resolves a relative DATA_DIR and parses SSE_MAX_CONNECTIONS', () => {
    const { config, problems } = readIncidentConfig({ DATA_DIR: 'var/data', SSE_MAX_CONNECTIONS: '10' }, '/srv/site');
    expect(config.dataDir).toBe('/srv/site/var/data');
    expect(config.sseMaxConnections).toBe(10);
    expect(readIncidentConfig({ SSE_MAX_CONNECTIONS: '0' }, '/x').config.sseMaxConnections).toBe(2000);
    expect(problems).toEqual([]);
  });
});

describe('parseStatuspageUrls', () => {
  it('accepts named and unnamed entries and strips trailing slashes', () => {
    expect(parseStatuspageUrls('https://www.githubstatus.com/, sim=http://127.0.0.1:41100').sources).toEqual([
      { provider: 'github', baseUrl: 'https://www.githubstatus.com' },
      { provider: 'sim', baseUrl: 'http://127.0.0.1:41100' },
    ]);
  });

  it('rejects non-http schemes, queries, credentials, and duplicate providers', () => {
    const { sources, problems } = parseStatuspageUrls(
      'file:///etc/passwd, https://a.example/?x=1, https://u:p@b.example, https://www.cloudflarestatus.com, https://cloudflarestatus.com',
    );
    expect(sources.map((s) => s.provider)).toEqual(['cloudflare']);
    expect(problems).toHaveLength(4);
  });
});

describe('providerFromHost', () => {
  it.each([
    ['www.cloudflarestatus.com', 'cloudflare'],
    ['status.openai.com', 'openai'],
    ['127.0.0.1', '127-0-0-1'],
    ['localhost', 'localhost'],
  ])('%s → %s', (host, provider) => {
    expect(providerFromHost(host)).toBe(provider);
  });
});
