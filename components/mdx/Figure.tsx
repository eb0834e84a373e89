import type { ReactNode } from 'react';

interface Props {
  caption?: string;
  credit?: string;
  src?: string;
  alt?: string;
  width?: number;
  height?: number;
  children?: ReactNode;
}

/** A figure with its caption and credit; either an image (src/alt) or any children (diagram, table). */
export function Figure({ caption, credit, src, alt, width, height, children }: Props) {
  return (
    <figure className="article-figure">
      {src ? (
        // Article images are static files under public/; width/height reserve space (no layout shift).
        <img src={src} alt={alt ?? ''} width={width} height={height} loading="lazy" decoding="async" />
      ) : (
        // Diagrams keep a legible minimum width on phones and scroll sideways instead of shrinking.
        <div className="figure-scroll" tabIndex={0} role="group" aria-label={caption}>
          {children}
        </div>
      )}
      {caption || credit ? (
        <figcaption>
          {caption}
          {credit ? <span className="figure-credit"> {credit}</span> : null}
        </figcaption>
      ) : null}
    </figure>
  );
}
