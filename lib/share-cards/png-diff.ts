import { PNG } from 'pngjs';

export interface PngDiffResult {
  readonly width: number;
  readonly height: number;
  /** Pixels whose largest channel difference exceeds the threshold. */
  readonly mismatched: number;
  /** mismatched / all pixels; 1 when the sizes differ. */
  readonly ratio: number;
  readonly sizeMismatch: boolean;
  /** The expected image faded to grey, mismatched pixels in magenta: where to look. */
  readonly diffPng: Buffer;
}

export interface PngDiffOptions {
  /**
   * Per-channel difference (0–255) below which two pixels count as equal. Anti-aliased glyph
   * edges drift by a few levels between CPUs and rasteriser versions; a moved diacritic or a
   * reordered word changes pixels from background to full text colour, far above this.
   */
  readonly channelThreshold?: number;
}

export function diffPngs(expected: Buffer, actual: Buffer, options: PngDiffOptions = {}): PngDiffResult {
  const threshold = options.channelThreshold ?? 48;
  const a = PNG.sync.read(expected);
  const b = PNG.sync.read(actual);
  if (a.width !== b.width || a.height !== b.height) {
    return { width: b.width, height: b.height, mismatched: b.width * b.height, ratio: 1, sizeMismatch: true, diffPng: PNG.sync.write(b) };
  }
  const out = new PNG({ width: a.width, height: a.height });
  let mismatched = 0;
  for (let i = 0; i < a.data.length; i += 4) {
    let delta = 0;
    for (let c = 0; c < 4; c++) delta = Math.max(delta, Math.abs((a.data[i + c] ?? 0) - (b.data[i + c] ?? 0)));
    if (delta > threshold) {
      mismatched++;
      out.data[i] = 255;
      out.data[i + 1] = 0;
      out.data[i + 2] = 255;
    } else {
      const grey = Math.round(((a.data[i] ?? 0) + (a.data[i + 1] ?? 0) + (a.data[i + 2] ?? 0)) / 3 / 3 + 170);
      out.data[i] = grey;
      out.data[i + 1] = grey;
      out.data[i + 2] = grey;
    }
    out.data[i + 3] = 255;
  }
  const total = a.width * a.height;
  return { width: a.width, height: a.height, mismatched, ratio: mismatched / total, sizeMismatch: false, diffPng: PNG.sync.write(out) };
}

export const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

export function pngSize(png: Buffer): { width: number; height: number } {
  if (png.length < 24 || !png.subarray(0, 8).equals(PNG_SIGNATURE)) throw new Error('Not a PNG file');
  // IHDR is always the first chunk: width and height are its first two big-endian words.
  return { width: png.readUInt32BE(16), height: png.readUInt32BE(20) };
}
