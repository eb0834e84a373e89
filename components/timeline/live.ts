import type { UpdateStatus } from '@/lib/incidents/model';
import type { TimelineEntry } from '@/lib/incidents/timeline';
import { formatEntryTime } from '@/lib/incidents/view';
import { addShareActions, buildEntry, entryPlainText, entryShareData, fillLocalTimes, updateRelativeTimes, withTime, type BuildContext } from '@/components/timeline/dom';
import { excerpt, fill, formatDuration, pluralLabel, type Zone } from '@/components/timeline/format';
import {
  compareEntries,
  endedStatuses,
  insertionIndex,
  isStatus,
  isTimelineEntry,
  optionsQuery,
  revisionSignature,
  shouldInsertNow,
  sortEntries,
  type Order,
} from '@/components/timeline/logic';

/**
 * The live part of the timeline, attached to the server-rendered page. It only adds to what is
 * there: new entries are inserted into the server's `<ol>`, revised ones are rebuilt in place,
 * and header facts are refreshed. React does not re-render server components on this page (no
 * router refresh), so the nodes it hydrated are never reconciled against these changes.
 */

export interface LiveOptions extends BuildContext {
  readonly incidentId: string;
  readonly provider: string;
  readonly lastSeq: number;
  readonly startedAt: string;
  readonly feedFailingSince: string | null;
}

export interface LiveController {
  /** Inserts the updates waiting behind the "N new updates" button and moves focus to the newest. */
  flush(): void;
  setZone(zone: Zone): void;
  stop(): void;
}

const tickMs = 30_000;
const pollMs = 15_000;

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null;
}

function parse(data: unknown): unknown {
  if (typeof data !== 'string') return null;
  try {
    return JSON.parse(data);
  } catch {
    return null;
  }
}

export function startLiveTimeline(root: HTMLElement, region: HTMLElement, opts: LiveOptions, onPending: (count: number) => void): LiveController {
  const list = root.querySelector<HTMLOListElement>('[data-tl-list]');
  const { labels, locale } = opts;
  const intl = labels.intlLocale;
  let order: Order = root.dataset.order === 'oldest' ? 'oldest' : 'newest';
  let keyOnly = root.dataset.keyOnly === '1';
  let stopped = false;
  const pending = new Map<string, TimelineEntry>();
  const reducedMotion = window.matchMedia('(prefers-reduced-motion: reduce)').matches;
  const cleanups: (() => void)[] = [];

  // ----- announcements: one polite region; bursts (a replay after reconnecting) are summed up.
  let queue: string[] = [];
  let announceTimer: number | undefined;
  const announce = (text: string): void => {
    queue.push(text);
    window.clearTimeout(announceTimer);
    announceTimer = window.setTimeout(() => {
      region.textContent = queue.length > 3 ? pluralLabel(labels.newUpdates, queue.length, intl) : queue.join(' ');
      queue = [];
    }, 400);
  };

  const items = (): HTMLLIElement[] => (list === null ? [] : [...list.querySelectorAll<HTMLLIElement>(':scope > li.tl-item')]);
  const keyOf = (li: HTMLElement) => ({ at: li.dataset.at ?? '', seq: Number(li.dataset.seq ?? '0') });

  // Local times are written only once the reader asks for them (setZone fills the whole page).
  const decorate = (node: ParentNode): void => {
    if (root.dataset.tz === 'local') fillLocalTimes(node, intl);
    updateRelativeTimes(node, Date.now(), intl);
  };

  const insert = (entry: TimelineEntry): HTMLLIElement | null => {
    if (list === null) return null;
    const li = buildEntry(entry, opts);
    li.classList.add('tl-item-new');
    const all = items();
    list.insertBefore(li, all[insertionIndex(all.map(keyOf), entry, order)] ?? null);
    decorate(li);
    return li;
  };

  // ----- header facts
  const applyStatus = (status: UpdateStatus | null, closingAt: string | null): void => {
    const badge = root.querySelector<HTMLElement>('[data-tl-status]');
    if (badge !== null) {
      badge.textContent = labels.status[status ?? 'none'];
      badge.dataset.status = status ?? 'none';
    }
    if (status === null || !endedStatuses.has(status)) return;
    const phase = root.querySelector<HTMLElement>('[data-tl-phase]');
    if (phase !== null) {
      phase.textContent = labels.ended;
      delete phase.dataset.live;
    }
    const elapsed = root.querySelector<HTMLElement>('[data-tl-elapsed]');
    if (elapsed !== null) {
      elapsed.removeAttribute('data-tl-elapsed');
      const label = root.querySelector('[data-tl-duration-label]');
      if (label !== null) label.textContent = labels.duration;
      const end = closingAt === null ? Date.now() : Date.parse(closingAt);
      elapsed.textContent = formatDuration(end - Date.parse(opts.startedAt), intl);
    }
  };

  // The notice as the server rendered it; a health message that repeats it (every connection
  // opens with one) changes nothing, and formats no time (Intl's first use is a long task).
  let shownSince: string | null = opts.feedFailingSince;
  const applyHealth = (feed: unknown): void => {
    if (!isRecord(feed) || feed.provider !== opts.provider) return;
    const since = typeof feed.failingSince === 'string' && !Number.isNaN(Date.parse(feed.failingSince)) ? feed.failingSince : null;
    if (since === shownSince) return;
    const wasFailing = shownSince !== null;
    shownSince = since;
    const notice = root.querySelector<HTMLElement>('[data-tl-stale]');
    if (notice !== null) {
      notice.replaceChildren(...(since === null ? [] : withTime(labels.feedFailing, since, locale).filter((c) => c !== null)));
      notice.hidden = since === null;
      decorate(notice);
    }
    if ((since !== null) !== wasFailing) announce(since === null ? labels.feedRecovered : fill(labels.feedFailing, { time: formatEntryTime(since, locale) }));
  };

  // An editor set or corrected the title in the reader's language: only the heading's text (and
  // the tab's title, when it starts with it) is replaced; it is text, never markup.
  const applyTitle = (title: unknown): void => {
    const text = isRecord(title) ? title[locale] : undefined;
    if (typeof text !== 'string' || text.trim() === '') return;
    const heading = root.querySelector<HTMLElement>('.tl-h1');
    const before = heading?.textContent ?? '';
    if (heading === null || before === text) return;
    heading.textContent = text;
    if (before !== '' && document.title.startsWith(before)) document.title = `${text}${document.title.slice(before.length)}`;
  };

  // ----- arrivals
  const flushPending = (moveFocus: boolean): void => {
    if (pending.size === 0) return;
    const entries = sortEntries([...pending.values()], order);
    pending.clear();
    onPending(0);
    stopWatching();
    const inserted = entries.map(insert).filter((li): li is HTMLLIElement => li !== null);
    const first = items().find((li) => inserted.includes(li));
    const article = first?.querySelector('article');
    if (moveFocus && article) {
      article.scrollIntoView({ block: 'start', behavior: reducedMotion ? 'auto' : 'smooth' });
      article.focus({ preventScroll: true });
    }
  };

  let watching = false;
  let frame = 0;
  const onScroll = (): void => {
    if (frame !== 0) return;
    frame = window.requestAnimationFrame(() => {
      frame = 0;
      // Back at the top of the list: what waited can go in without moving anything being read.
      if (list !== null && shouldInsertNow({ order, hiddenByFilter: false, listTop: list.getBoundingClientRect().top })) flushPending(false);
    });
  };
  const watchScroll = (): void => {
    if (watching) return;
    watching = true;
    window.addEventListener('scroll', onScroll, { passive: true });
  };
  function stopWatching(): void {
    if (!watching) return;
    watching = false;
    window.removeEventListener('scroll', onScroll);
  }

  const arrive = (entry: TimelineEntry): void => {
    if (list === null) return;
    const hidden = keyOnly && !entry.key;
    if (shouldInsertNow({ order, hiddenByFilter: hidden, listTop: list.getBoundingClientRect().top })) {
      insert(entry);
      if (!hidden) announce(fill(labels.announceUpdate, { status: labels.status[entry.status], text: excerpt(entryPlainText(entry.text, entry.kind, locale)) }));
      return;
    }
    pending.set(entry.id, entry);
    onPending(pending.size);
    announce(pluralLabel(labels.newUpdates, pending.size, intl));
    watchScroll();
  };

  const upsert = (entry: TimelineEntry): void => {
    const current = items().find((li) => li.dataset.id === entry.id);
    if (current === undefined) {
      if (pending.has(entry.id)) pending.set(entry.id, entry);
      else arrive(entry);
      return;
    }
    if (current.dataset.rev === revisionSignature(entry)) return;
    // A correction or retraction: the entry is rebuilt where it stands.
    const hadFocus = current.contains(document.activeElement);
    const next = buildEntry(entry, opts);
    next.classList.add('tl-item-changed');
    current.replaceWith(next);
    decorate(next);
    if (hadFocus) next.querySelector('article')?.focus({ preventScroll: true });
    announce(fill(labels.announceChange, { time: formatEntryTime(entry.at, locale, entry.atPrecision) }));
  };

  const onEntryEvent = (event: MessageEvent): void => {
    const d = parse(event.data);
    if (!isRecord(d) || d.incidentId !== opts.incidentId || !isTimelineEntry(d.entry)) return;
    upsert(d.entry);
    if (d.status === null || isStatus(d.status)) applyStatus(d.status, d.entry.status === d.status ? d.entry.at : null);
  };

  // ----- transport: EventSource, else polling the JSON snapshot
  let source: EventSource | null = null;
  let pollTimer: number | undefined;
  const poll = async (): Promise<void> => {
    try {
      // 'no-cache': always revalidate (a cheap 304 thanks to the ETag) rather than accept the
      // stale-while-revalidate copy, which would delay each arrival by one polling interval.
      const res = await fetch(`/api/incidents/${encodeURIComponent(opts.incidentId)}`, { headers: { accept: 'application/json' }, cache: 'no-cache' });
      const d: unknown = res.ok ? await res.json() : null;
      if (!stopped && isRecord(d) && Array.isArray(d.updates)) {
        const entries = d.updates.filter(isTimelineEntry).sort(compareEntries);
        for (const e of entries) upsert(e);
        const closing = entries.filter((e) => e.retracted === null && endedStatuses.has(e.status))[0];
        if (d.status === null || isStatus(d.status)) applyStatus(d.status, closing?.at ?? null);
        applyHealth(d.feed);
        if (isRecord(d.incident)) applyTitle(d.incident.title);
      }
    } catch {
      /* offline or a bad answer: try again at the next interval */
    }
    if (!stopped) pollTimer = window.setTimeout(() => void poll(), pollMs);
  };
  const startPolling = (): void => {
    if (pollTimer === undefined && !stopped) pollTimer = window.setTimeout(() => void poll(), 0);
  };

  if (typeof EventSource === 'function') {
    // Resume from what the server rendered; on reconnection the browser sends Last-Event-ID itself.
    const es = new EventSource(`/api/incidents/${encodeURIComponent(opts.incidentId)}/events?lastEventId=${opts.lastSeq}`);
    source = es;
    es.addEventListener('update', onEntryEvent);
    es.addEventListener('change', onEntryEvent);
    // Marks the stream as caught up (what the server rendered plus what it missed since).
    es.addEventListener('ready', () => {
      root.dataset.stream = 'ready';
    });
    es.addEventListener('health', (event: MessageEvent) => {
      const d = parse(event.data);
      if (isRecord(d)) applyHealth(d.feed);
    });
    es.addEventListener('incident', (event: MessageEvent) => {
      const d = parse(event.data);
      if (isRecord(d) && d.incidentId === opts.incidentId) applyTitle(d.title);
    });
    // CLOSED means the server refused the stream (too many readers, an error): it will not retry.
    es.onerror = () => {
      delete root.dataset.stream;
      if (es.readyState !== EventSource.CLOSED) return;
      es.close();
      source = null;
      startPolling();
    };
  } else {
    startPolling();
  }

  // ----- controls: the server's links still work without JavaScript; here they act in place.
  const syncControls = (): void => {
    for (const a of root.querySelectorAll<HTMLAnchorElement>('a[data-tl-order]')) {
      const o: Order = a.dataset.tlOrder === 'oldest' ? 'oldest' : 'newest';
      a.href = `${opts.pagePath}${optionsQuery({ order: o, keyOnly })}${a.hash}`;
      if (o === order) a.setAttribute('aria-current', 'true');
      else a.removeAttribute('aria-current');
    }
    for (const a of root.querySelectorAll<HTMLAnchorElement>('a[data-tl-filter]')) {
      const k = a.dataset.tlFilter === 'key';
      a.href = `${opts.pagePath}${optionsQuery({ order, keyOnly: k })}${a.hash}`;
      if (k === keyOnly) a.setAttribute('aria-current', 'true');
      else a.removeAttribute('aria-current');
    }
    window.history.replaceState(window.history.state, '', `${opts.pagePath}${optionsQuery({ order, keyOnly })}${window.location.hash}`);
  };
  // ----- share: the disclosures' copy / system-share buttons, added when one is first opened.
  const can = { share: typeof navigator.share === 'function', copy: typeof navigator.clipboard?.writeText === 'function' };
  const onShareClick = (target: Element): boolean => {
    const summary = target.closest('details.tl-share > summary');
    if (summary !== null) {
      // Before the disclosure opens, so it never paints without its buttons.
      addShareActions(summary.parentElement as HTMLDetailsElement, labels, can);
      return true;
    }
    const button = target.closest<HTMLButtonElement>('details.tl-share button[data-share]');
    const data = button === null ? null : entryShareData(button, opts);
    if (button === null || data === null) return button !== null;
    if (button.dataset.share === 'native') {
      navigator.share(data).catch(() => undefined);
    } else {
      navigator.clipboard.writeText(data.url).then(
        () => {
          button.textContent = labels.share.copied;
          announce(labels.share.copied);
        },
        () => undefined,
      );
    }
    return true;
  };
  // Opened some other way (find in page expands a closed <details>): add the buttons then.
  const onToggle = (event: Event): void => {
    const d = event.target;
    if (d instanceof HTMLDetailsElement && d.open && d.classList.contains('tl-share')) addShareActions(d, labels, can);
  };
  root.addEventListener('toggle', onToggle, true);
  cleanups.push(() => root.removeEventListener('toggle', onToggle, true));

  const onClick = (event: MouseEvent): void => {
    if (event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
    if (event.target instanceof Element && onShareClick(event.target)) return;
    const target = event.target instanceof Element ? event.target.closest<HTMLAnchorElement>('a[data-tl-order], a[data-tl-filter]') : null;
    if (target === null || list === null) return;
    event.preventDefault();
    if (target.dataset.tlOrder !== undefined) {
      const next: Order = target.dataset.tlOrder === 'oldest' ? 'oldest' : 'newest';
      if (next !== order) {
        order = next;
        root.dataset.order = next;
        // Reordered in place: the same nodes, so focus and open <details> survive.
        for (const li of items().reverse()) list.append(li);
        if (order === 'oldest') flushPending(false);
      }
    } else {
      keyOnly = target.dataset.tlFilter === 'key';
      if (keyOnly) root.dataset.keyOnly = '1';
      else delete root.dataset.keyOnly;
    }
    syncControls();
  };
  root.addEventListener('click', onClick);
  cleanups.push(() => root.removeEventListener('click', onClick));

  // ----- relative times and elapsed time, refreshed every 30 s
  const tick = (): void => {
    if (document.hidden || list === null) return;
    const now = Date.now();
    updateRelativeTimes(list, now, intl);
    const elapsed = root.querySelector<HTMLElement>('[data-tl-elapsed]');
    const start = elapsed?.dataset.tlElapsed;
    if (elapsed && start) elapsed.textContent = formatDuration(now - Date.parse(start), intl);
  };
  // No tick at start: the server printed the relative and elapsed times a moment ago, so a first
  // pass would only rewrite 34 entries with the same text and force a layout during hydration.
  const ticker = window.setInterval(tick, tickMs);
  document.addEventListener('visibilitychange', tick);
  cleanups.push(() => {
    window.clearInterval(ticker);
    document.removeEventListener('visibilitychange', tick);
  });

  return {
    flush: () => flushPending(true),
    setZone: (zone) => {
      root.dataset.tz = zone;
      if (zone === 'local') fillLocalTimes(root, intl);
    },
    stop: () => {
      stopped = true;
      source?.close();
      window.clearTimeout(pollTimer);
      window.clearTimeout(announceTimer);
      stopWatching();
      for (const c of cleanups) c();
    },
  };
}
