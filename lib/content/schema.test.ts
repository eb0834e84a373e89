import { describe, expect, it } from 'vitest';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { frontmatterSchema } from '@/lib/content/schema';
import { ContentError, parseArticleFile } from '@/lib/content/articles';

const valid = {
  title: 'عطل كلاودفلير يوقف ChatGPT وإكس',
  summary: 'تعطلت مواقع كثيرة حول العالم بعدما أخفق ملف إعدادات داخلي في شبكة كلاودفلير، في أسوأ انقطاع للشركة منذ 2019.',
  published: '2025-11-18T18:00:00Z',
  updated: '2025-11-19T09:00:00Z',
  category: 'news',
  incident: 'cloudflare-2025-11-18',
  sources: [
    { id: 'p1', title: 'Cloudflare outage on November 18, 2025', publisher: 'The Cloudflare Blog', url: 'https://blog.cloudflare.com/18-november-2025-outage/', date: '2025-11-18' },
    { id: 'p2', title: 'Cloudflare Global Network experiencing issues', publisher: 'Cloudflare Status', url: 'https://www.cloudflarestatus.com/incidents/8gmgl950y3h7', date: '2025-11-18' },
    { id: 'cnet', title: 'Cloudflare outage', publisher: 'CNET', url: 'https://example.com/cnet', date: '2025-11-18' },
  ],
};

function writeTemp(frontmatter: string, body = 'نص المقال.\n'): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ow-content-'));
  const file = path.join(dir, 'ar.mdx');
  fs.writeFileSync(file, `---\n${frontmatter}\n---\n${body}`);
  return file;
}

describe('frontmatterSchema', () => {
  it('accepts a complete Arabic article and coerces dates', () => {
    const r = frontmatterSchema.parse(valid);
    expect(r.published).toBeInstanceOf(Date);
    expect(r.draft).toBe(false);
  });

  it.each([
    ['category', { category: 'opinion' }],
    ['sources', { sources: valid.sources.slice(0, 2) }],
    ['updated', { updated: '2025-11-01T00:00:00Z' }],
    ['sources.0.url', { sources: [{ ...valid.sources[0], url: 'javascript:alert(1)' }, ...valid.sources.slice(1)] }],
  ])('rejects a bad %s and names the field', (field, patch) => {
    const r = frontmatterSchema.safeParse({ ...valid, ...patch });
    expect(r.success).toBe(false);
    const paths = r.error?.issues.map((i) => i.path.join('.'));
    expect(paths).toContain(field);
  });

  it('rejects unknown fields, so typos do not pass silently', () => {
    const r = frontmatterSchema.safeParse({ ...valid, summmary: 'x' });
    expect(r.success).toBe(false);
  });
});

describe('parseArticleFile', () => {
  it('reports the file and the missing field', () => {
    const file = writeTemp('title: "عنوان تجريبي طويل بما يكفي"\ncategory: news');
    expect(() => parseArticleFile(file, 'x', 'ar')).toThrow(ContentError);
    try {
      parseArticleFile(file, 'x', 'ar');
    } catch (e) {
      const msg = (e as Error).message;
      expect(msg).toContain(path.relative(process.cwd(), file));
      expect(msg).toContain('field "summary"');
      expect(msg).toContain('field "published"');
      expect(msg).toContain('field "sources"');
    }
  });

  it('reports broken YAML with the file name', () => {
    const file = writeTemp('title: [unclosed');
    expect(() => parseArticleFile(file, 'x', 'ar')).toThrow(/ar\.mdx: frontmatter is not valid YAML/);
  });

  it('computes an Arabic reading time from the body', () => {
    const words = Array.from({ length: 900 }, () => 'كلمة').join(' ');
    const fm = Object.entries(valid)
      .filter(([k]) => k !== 'sources')
      .map(([k, v]) => `${k}: ${JSON.stringify(v)}`)
      .join('\n');
    const sources = `sources:\n${valid.sources.map((s) => `  - ${JSON.stringify(s)}`).join('\n')}`;
    const file = writeTemp(`${fm}\n${sources}`, words);
    const a = parseArticleFile(file, 'x', 'ar');
    expect(a.readingMinutes).toBe(5);
  });
});
