'use client';

import { useEffect, useState } from 'react';
import { parseLiveBanner, type LiveBannerItem } from '@/components/timeline/live-banner-data';

interface Props {
  readonly endpoint: string;
  readonly listHref: string;
  readonly intlLocale: string;
  readonly labels: { readonly desk: string; readonly live: string; readonly inProgress: string; readonly more: string };
}

const refreshMs = 60_000;

/**
 * The home page's incident slot. The prerendered HTML holds a plain link to the incidents page
 * (all a reader without JavaScript needs: live incidents are listed first there); when an
 * incident is in progress this turns the same one-line box into the live banner, so nothing on
 * the page moves. Checks again every minute while the tab is visible.
 */
export function LiveBanner({ endpoint, listHref, intlLocale, labels }: Props) {
  const [live, setLive] = useState<LiveBannerItem[]>([]);
  useEffect(() => {
    let stopped = false;
    const load = async () => {
      if (document.hidden) return;
      try {
        const res = await fetch(endpoint, { headers: { accept: 'application/json' } });
        if (res.ok && !stopped) setLive(parseLiveBanner(await res.json()));
      } catch {
        /* keep what is shown */
      }
    };
    void load();
    const timer = window.setInterval(() => void load(), refreshMs);
    return () => {
      stopped = true;
      window.clearInterval(timer);
    };
  }, [endpoint]);

  const first = live[0];
  return (
    // data-boot-probe: the page boots at the reader's first interaction, or at once if this
    // endpoint lists an incident in progress (lib/server/boot-scripts.ts, decision 0065).
    <aside
      className="live-slot"
      aria-label={first ? labels.inProgress : labels.desk}
      data-live={first ? '1' : undefined}
      data-boot-probe={endpoint}
      data-testid="live-banner"
    >
      {first ? (
        <>
          <span className="tl-phase" data-live="1">
            {labels.live}
          </span>
          {/* lang/dir on the link itself, so an English title in an Arabic page is cut at its own end. */}
          <a href={first.href} className="live-slot-title" lang={first.lang} dir={first.dir}>
            {first.title}
          </a>
          <span className="tl-status" data-status={first.status}>
            {first.statusLabel}
          </span>
          {live.length > 1 ? (
            <a href={listHref} className="live-slot-more">
              {labels.more.replace('{count}', new Intl.NumberFormat(intlLocale).format(live.length - 1))}
            </a>
          ) : null}
        </>
      ) : (
        <a href={listHref} className="live-slot-desk">
          {labels.desk}
        </a>
      )}
    </aside>
  );
}
