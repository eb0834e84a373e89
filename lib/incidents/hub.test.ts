import { describe, expect, it, vi } from 'vitest';
import { IncidentHub, type IncidentEvent } from '@/lib/incidents/hub';
import type { TimelineEntry } from '@/lib/incidents/timeline';

const entry: TimelineEntry = {
  id: 'a-one',
  seq: 1,
  at: '2025-11-18T11:48:00Z',
  atPrecision: 'minute',
  status: 'investigating',
  text: { en: 'x' },
  source: { name: 's', url: 'https://s.example/' },
  kind: 'official',
  key: true,
  original: null,
  corrections: [],
  correctedAt: null,
  retracted: null,
};
const update = (incidentId: string): IncidentEvent => ({ type: 'update', incidentId, seq: 1, entry, status: 'investigating' });
const health: IncidentEvent = { type: 'health', feed: { provider: 'x', state: 'failing', lastSuccessAt: null, failingSince: null, lastError: 'e' } };

describe('IncidentHub', () => {
  it('delivers updates only to subscribers of that incident, health to everyone', () => {
    const hub = new IncidentHub();
    const a: IncidentEvent[] = [];
    const b: IncidentEvent[] = [];
    hub.subscribe('incident-a', (e) => a.push(e));
    hub.subscribe('incident-b', (e) => b.push(e));
    hub.publish(update('incident-a'));
    hub.publish(health);
    expect(a.map((e) => e.type)).toEqual(['update', 'health']);
    expect(b.map((e) => e.type)).toEqual(['health']);
  });

  it('subscribeAll hears every incident and health once each, without counting as a reader', () => {
    const hub = new IncidentHub();
    const all: string[] = [];
    const off = hub.subscribeAll((e) => all.push(e.type === 'health' ? 'health' : e.incidentId));
    hub.subscribe('incident-a', () => {});
    hub.publish(update('incident-a'));
    hub.publish(update('incident-nobody-reads'));
    hub.publish(health);
    expect(all).toEqual(['incident-a', 'incident-nobody-reads', 'health']);
    expect(hub.subscriberCount).toBe(1);
    off();
    hub.publish(update('incident-a'));
    expect(all).toHaveLength(3);
  });

  it('delivers a change to an incident record like an update: to that incident and to subscribeAll', () => {
    const hub = new IncidentHub();
    const a: IncidentEvent[] = [];
    const b: IncidentEvent[] = [];
    const all: IncidentEvent[] = [];
    hub.subscribe('incident-a', (e) => a.push(e));
    hub.subscribe('incident-b', (e) => b.push(e));
    hub.subscribeAll((e) => all.push(e));
    const retitled: IncidentEvent = {
      type: 'incident',
      incidentId: 'incident-a',
      incident: {
        id: 'incident-a',
        provider: 'x',
        title: { en: 'Outage', ar: 'انقطاع' },
        affectedServices: [],
        startedAt: '2025-11-18T11:00:00Z',
        source: { name: 's', url: 'https://s.example/' },
        origin: 'statuspage',
      },
    };
    hub.publish(retitled);
    expect(a).toEqual([retitled]);
    expect(b).toEqual([]);
    expect(all).toEqual([retitled]);
  });

  it('unsubscribes once, even if called twice, and forgets empty incidents', () => {
    const hub = new IncidentHub();
    const listener = vi.fn();
    const off = hub.subscribe('incident-a', listener);
    hub.subscribe('incident-a', () => {});
    expect(hub.subscriberCount).toBe(2);
    off();
    off();
    expect(hub.subscriberCount).toBe(1);
    hub.publish(update('incident-a'));
    expect(listener).not.toHaveBeenCalled();
  });

  it('keeps delivering when one listener throws', () => {
    const errors: unknown[] = [];
    const hub = new IncidentHub((e) => errors.push(e));
    const seen = vi.fn();
    hub.subscribe('incident-a', () => {
      throw new Error('bad listener');
    });
    hub.subscribe('incident-a', seen);
    hub.publish(update('incident-a'));
    expect(seen).toHaveBeenCalledOnce();
    expect(errors).toHaveLength(1);
  });
});
