'use client';

import { useEffect, useState } from 'react';

interface Props {
  url: string;
  title: string;
  labels: { share: string; copy: string; copied: string };
}

/**
 * The two share actions that need JavaScript: the system share sheet (where the browser has
 * the Web Share API) and copying the link. Rendered only after hydration, so readers without
 * JavaScript never see buttons that would do nothing; the plain links beside them always work.
 */
export function ShareActions({ url, title, labels }: Props) {
  const [ready, setReady] = useState<{ canShare: boolean } | null>(null);
  const [copied, setCopied] = useState(false);
  useEffect(() => setReady({ canShare: typeof navigator.share === 'function' }), []);
  if (!ready) return null;
  return (
    <>
      {ready.canShare ? (
        <li>
          <button type="button" className="share-button" onClick={() => navigator.share({ url, title }).catch(() => undefined)}>
            {labels.share}
          </button>
        </li>
      ) : null}
      <li>
        <button
          type="button"
          className="share-button"
          onClick={() =>
            navigator.clipboard
              .writeText(url)
              .then(() => setCopied(true))
              .catch(() => setCopied(false))
          }
        >
          {copied ? labels.copied : labels.copy}
        </button>
        <span role="status" className="sr-only">
          {copied ? labels.copied : ''}
        </span>
      </li>
    </>
  );
}
