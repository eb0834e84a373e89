import { PNG } from 'pngjs';
import { describe, expect, it } from 'vitest';
import { diffPngs, pngSize } from '@/lib/share-cards/png-diff';

function solid(width: number, height: number, rgb: [number, number, number], paint?: (x: number, y: number) => [number, number, number] | undefined): Buffer {
  const png = new PNG({ width, height });
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const [r, g, b] = paint?.(x, y) ?? rgb;
      const i = (y * width + x) * 4;
      png.data[i] = r;
      png.data[i + 1] = g;
      png.data[i + 2] = b;
      png.data[i + 3] = 255;
    }
  }
  return PNG.sync.write(png);
}

describe('diffPngs', () => {
  it('counts identical images as equal and ignores small anti-aliasing drift', () => {
    const a = solid(10, 10, [20, 20, 23]);
    const b = solid(10, 10, [20, 20, 23], (x) => (x === 0 ? [40, 40, 43] : undefined));
    expect(diffPngs(a, a).mismatched).toBe(0);
    expect(diffPngs(a, b).mismatched).toBe(0);
  });

  it('reports the share of pixels that really changed', () => {
    const a = solid(10, 10, [20, 20, 23]);
    const b = solid(10, 10, [20, 20, 23], (x, y) => (y === 0 ? [244, 244, 246] : undefined));
    const diff = diffPngs(a, b);
    expect(diff.mismatched).toBe(10);
    expect(diff.ratio).toBeCloseTo(0.1);
    expect(pngSize(diff.diffPng)).toEqual({ width: 10, height: 10 });
  });

  it('treats a size change as a full mismatch', () => {
    const diff = diffPngs(solid(10, 10, [0, 0, 0]), solid(12, 10, [0, 0, 0]));
    expect(diff.sizeMismatch).toBe(true);
    expect(diff.ratio).toBe(1);
  });
});

describe('pngSize', () => {
  it('reads the IHDR size and rejects non-PNG bytes', () => {
    expect(pngSize(solid(7, 3, [0, 0, 0]))).toEqual({ width: 7, height: 3 });
    expect(() => pngSize(Buffer.from('<svg></svg>'))).toThrow(/Not a PNG/);
  });
});
