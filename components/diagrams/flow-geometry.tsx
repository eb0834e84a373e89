import type { ReactNode } from 'react';
import type { Direction } from '@/lib/i18n/locales';

/**
 * Shared drawing kit for the explainer diagrams. Layouts are written once in logical
 * units ("so far from the reading-start edge") and turned into physical x here, so the
 * Arabic diagram is the exact mirror of the English one instead of a second drawing.
 */

/** Every diagram is drawn on a 720-unit-wide canvas and scales down with its viewBox. */
export const VIEW_WIDTH = 720;

/** Colours come from the site's tokens, so the diagrams follow light and dark mode. */
export const palette = {
  surface: 'var(--surface, transparent)',
  line: 'currentColor',
  muted: 'var(--muted, currentColor)',
  danger: 'var(--accent, currentColor)',
} as const;

export const MONO = 'ui-monospace, SFMono-Regular, Menlo, Consolas, monospace';

/** Physical x of a box whose start edge is `start` units from the reading-start side. */
export function boxX(dir: Direction, start: number, width: number, total = VIEW_WIDTH): number {
  return dir === 'rtl' ? total - start - width : start;
}

/** Physical x of a point `offset` units from the reading-start side. */
export function pointX(dir: Direction, offset: number, total = VIEW_WIDTH): number {
  return dir === 'rtl' ? total - offset : offset;
}

/**
 * React's ids may contain characters that are awkward in `aria-labelledby` lists and
 * CSS selectors; keep only the safe ones.
 */
export function safeId(raw: string, suffix: string): string {
  return `${raw.replace(/[^A-Za-z0-9_-]/g, '')}-${suffix}`;
}

interface ArrowProps {
  x1: number;
  y1: number;
  x2: number;
  y2: number;
  /** Danger arrows carry the failure; they are drawn thicker, not only in another colour. */
  tone?: 'normal' | 'danger';
}

const HEAD = 10;

/**
 * An arrow from (x1,y1) to its tip at (x2,y2). The head is a polygon computed from the
 * line's own angle rather than an SVG marker, so it always points along the flow (left in
 * Arabic, right in English) and needs no document-wide marker ids.
 */
export function FlowArrow({ x1, y1, x2, y2, tone = 'normal' }: ArrowProps) {
  const angle = Math.atan2(y2 - y1, x2 - x1);
  const cos = Math.cos(angle);
  const sin = Math.sin(angle);
  const baseX = x2 - HEAD * cos;
  const baseY = y2 - HEAD * sin;
  const half = HEAD * 0.55;
  const points = [
    [x2, y2],
    [baseX - half * sin, baseY + half * cos],
    [baseX + half * sin, baseY - half * cos],
  ]
    .map(([x, y]) => `${round(x ?? 0)},${round(y ?? 0)}`)
    .join(' ');
  const colour = tone === 'danger' ? palette.danger : palette.line;
  return (
    <g data-arrow="" style={{ color: colour }}>
      <line
        x1={round(x1)}
        y1={round(y1)}
        x2={round(baseX)}
        y2={round(baseY)}
        stroke="currentColor"
        strokeWidth={tone === 'danger' ? 2.5 : 1.75}
        strokeLinecap="round"
      />
      <polygon points={points} fill="currentColor" />
    </g>
  );
}

interface TextProps {
  x: number;
  y: number;
  dir: Direction;
  size?: number;
  weight?: 400 | 600 | 700;
  anchor?: 'start' | 'middle' | 'end';
  mono?: boolean;
  tone?: 'normal' | 'muted' | 'danger';
  children: ReactNode;
}

/**
 * One line of real SVG text. `direction` is set on every line so mixed runs such as
 * "FL أو FL2" order correctly and so `anchor="start"` means the right-hand end in Arabic.
 */
export function DiagramText({ x, y, dir, size = 16, weight = 400, anchor = 'middle', mono = false, tone = 'normal', children }: TextProps) {
  const fill = tone === 'muted' ? palette.muted : tone === 'danger' ? palette.danger : 'currentColor';
  return (
    <text
      x={round(x)}
      y={round(y)}
      direction={dir}
      textAnchor={anchor}
      fontSize={size}
      fontWeight={weight}
      fontFamily={mono ? MONO : undefined}
      style={{ fill }}
    >
      {children}
    </text>
  );
}

interface BoxProps {
  x: number;
  y: number;
  width: number;
  height: number;
  tone?: 'normal' | 'highlight' | 'danger' | 'group';
  /** 1-based position in the reading order, for tests and for anyone styling the flow. */
  flow?: number;
}

/** A rounded box; emphasis is carried by stroke width and dashes as well as colour. */
export function FlowBox({ x, y, width, height, tone = 'normal', flow }: BoxProps) {
  const stroke = tone === 'danger' || tone === 'highlight' ? palette.danger : tone === 'group' ? palette.muted : palette.line;
  return (
    <rect
      x={round(x)}
      y={round(y)}
      width={width}
      height={height}
      rx={tone === 'group' ? 14 : 8}
      data-flow={flow}
      strokeWidth={tone === 'normal' ? 1.5 : tone === 'group' ? 1.25 : 2.75}
      strokeDasharray={tone === 'group' ? '6 5' : undefined}
      style={{ fill: tone === 'group' ? 'none' : palette.surface, stroke }}
    />
  );
}

function round(n: number): number {
  return Math.round(n * 10) / 10;
}
