import { describe, expect, it } from 'vitest';
import { clientAddress, sameOrigin } from '@/lib/desk/origin';

const site = 'https://outagewatch.example';
const req = (headers: Record<string, string>, url = 'http://127.0.0.1:3000/api/desk/updates') => new Request(url, { method: 'POST', headers });

describe('sameOrigin (the Origin half of CSRF protection)', () => {
  it('accepts the public origin and the origin the request was sent to', () => {
    expect(sameOrigin(req({ origin: site }), site)).toBe(true);
    expect(sameOrigin(req({ origin: 'http://127.0.0.1:3000' }), site)).toBe(true);
  });

  it('refuses other origins, "null", and look-alikes', () => {
    for (const origin of ['https://evil.example', 'null', 'https://outagewatch.example.evil.example', 'http://outagewatch.example', 'https://outagewatch.example:8443']) {
      expect(sameOrigin(req({ origin }), site)).toBe(false);
    }
  });

  it('falls back to Referer, then Sec-Fetch-Site, and refuses a request with none of them', () => {
    expect(sameOrigin(req({ referer: `${site}/ar/desk` }), site)).toBe(true);
    expect(sameOrigin(req({ referer: 'https://evil.example/x' }), site)).toBe(false);
    expect(sameOrigin(req({ referer: 'not a url' }), site)).toBe(false);
    expect(sameOrigin(req({ 'sec-fetch-site': 'same-origin' }), site)).toBe(true);
    expect(sameOrigin(req({ 'sec-fetch-site': 'cross-site' }), site)).toBe(false);
    expect(sameOrigin(req({}), site)).toBe(false);
  });
});

describe('clientAddress', () => {
  it('reads X-Forwarded-For from the right, skipping trusted proxies', () => {
    expect(clientAddress(req({ 'x-forwarded-for': '203.0.113.9' }), 0)).toBe('203.0.113.9');
    expect(clientAddress(req({ 'x-forwarded-for': 'spoofed, 198.51.100.7' }), 1)).toBe('198.51.100.7');
    expect(clientAddress(req({ 'x-forwarded-for': 'spoofed, 198.51.100.7, 10.0.0.2' }), 2)).toBe('198.51.100.7');
    expect(clientAddress(req({}), 0)).toBe('unknown');
  });
});
