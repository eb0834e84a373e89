import { describe, expect, it } from 'vitest';
import { countWords, readingMinutes } from '@/lib/content/reading-time';

describe('countWords', () => {
  it('counts Arabic words and ignores markup, footnote definitions and URLs', () => {
    const mdx = 'تعطّلت **شبكة** كلاودفلير[^p1] <Term id="cdn">شبكة توصيل المحتوى</Term> [هنا](https://x.example/y).\n\n[^p1]: مصدر طويل جدًا لا يُقرأ.';
    expect(countWords(mdx)).toBe(7);
  });
  it('rounds reading time and never goes below one minute', () => {
    expect(readingMinutes('كلمة', 'ar')).toBe(1);
    expect(readingMinutes(Array(460).fill('word').join(' '), 'en')).toBe(2);
  });
});
