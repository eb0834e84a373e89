'use client';

import { useEffect, useRef, useState } from 'react';
import type { Locale } from '@/lib/i18n/locales';
import { pluralLabel, type Zone } from '@/components/timeline/format';
import type { TimelineLabels } from '@/components/timeline/labels';
import { startLiveTimeline, type LiveController } from '@/components/timeline/live';

interface Props {
  /** id of the server-rendered element holding the header, the controls and the `<ol>`. */
  readonly rootId: string;
  readonly incidentId: string;
  readonly provider: string;
  readonly locale: Locale;
  /** Highest sequence number the server rendered: the event stream resumes after it. */
  readonly lastSeq: number;
  readonly startedAt: string;
  readonly feedFailingSince: string | null;
  readonly pagePath: string;
  readonly pageUrl: string;
  readonly incidentTitle: string;
  readonly labels: TimelineLabels;
}

/**
 * The timeline's only client island: live updates (EventSource, polling as fallback), the
 * "N new updates" button, a polite live region, relative times and the UTC/local switch. It
 * renders three small controls; everything else it does to the server's HTML (see live.ts).
 */
export function LiveTimeline(props: Props) {
  const { labels } = props;
  const [zone, setZone] = useState<Zone>('utc');
  const [pending, setPending] = useState(0);
  const region = useRef<HTMLParagraphElement>(null);
  const controller = useRef<LiveController | null>(null);

  useEffect(() => {
    const root = document.getElementById(props.rootId);
    if (root === null || region.current === null) return;
    const c = startLiveTimeline(root, region.current, props, setPending);
    controller.current = c;
    return () => {
      c.stop();
      controller.current = null;
    };
    // Opened once per page: the props only change with a navigation, which unmounts the island.
  }, []);

  const choose = (z: Zone) => {
    setZone(z);
    controller.current?.setZone(z);
  };

  return (
    <>
      {/* Hidden when scripts are off (see globals.css): local time needs the reader's browser. */}
      <div role="group" aria-label={labels.times} className="tl-seg tl-zone">
        <button type="button" aria-pressed={zone === 'utc'} onClick={() => choose('utc')}>
          {labels.utc}
        </button>
        <button type="button" aria-pressed={zone === 'local'} onClick={() => choose('local')}>
          {labels.local}
        </button>
      </div>
      {/* The label is only built when shown: Intl's first use costs a long task at load. */}
      <button type="button" className="tl-new" hidden={pending === 0} onClick={() => controller.current?.flush()}>
        {pending > 0 ? pluralLabel(labels.newUpdates, pending, labels.intlLocale) : null}
      </button>
      <p ref={region} className="sr-only" aria-live="polite" aria-atomic="true" />
    </>
  );
}
