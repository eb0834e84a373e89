import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { arabicFontFaceCss, arabicFontFile } from '@/app/arabic-font';

describe('the Arabic web font file', () => {
  it('exists in public/ under a name carrying its own hash, so the immutable cache can never serve an old subset', () => {
    const file = path.join(process.cwd(), 'public', arabicFontFile);
    const bytes = fs.readFileSync(file);
    const hash = crypto.createHash('sha256').update(bytes).digest('hex').slice(0, 10);
    expect(arabicFontFile).toBe(`/fonts/noto-naskh-arabic.${hash}.woff2`);
    expect(bytes.subarray(0, 4).toString('latin1')).toBe('wOF2');
    // No stale copies left beside it.
    expect(fs.readdirSync(path.dirname(file)).filter((f) => f.startsWith('noto-naskh-arabic.'))).toEqual([path.basename(file)]);
  });

  it('is declared with font-display: block and no local fallback of its own', () => {
    expect(arabicFontFaceCss).toContain(`src:url(${arabicFontFile}) format('woff2')`);
    // Not swap or fallback: Arabic text painted in a system face and then reflowed when the face
    // arrives moved the article's headline by 0.165 on slow 4G (0030, session 5).
    expect(arabicFontFaceCss).toContain('font-display:block');
    expect(arabicFontFaceCss).toMatch(/--font-arabic:'Outage Watch Naskh'}$/);
  });
});
