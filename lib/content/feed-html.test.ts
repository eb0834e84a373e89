import { describe, expect, it } from 'vitest';
import { articleBodyToFeedHtml } from '@/lib/content/feed-html';

const labels = { diagram: 'الرسم التوضيحي في المقال', timeline: 'التسلسل الزمني', footnotes: 'الهوامش', backref: 'عودة' };

describe('articleBodyToFeedHtml', () => {
  it('lowers components to plain HTML and keeps Arabic text and footnotes', async () => {
    const html = await articleBodyToFeedHtml(
      'تعطلت <Term id="cdn">شبكة توصيل المحتوى</Term> عند 11:20[^p1].\n\n<Callout kind="key" title="الخلاصة">نص مهم.</Callout>\n\n<Figure caption="مسار الطلب"><RequestPathDiagram /></Figure>\n\n[المسرد](/ar/glossary#cdn)\n\n[^p1]: تقرير كلاودفلير.',
      { locale: 'ar', slug: 'x', labels },
    );
    expect(html).toContain('تعطلت شبكة توصيل المحتوى عند 11:20');
    expect(html).toContain('<blockquote>');
    expect(html).toContain('<strong>الخلاصة</strong>');
    expect(html).toContain('href="http://localhost:3000/ar/articles/x">الرسم التوضيحي في المقال</a>');
    expect(html).toContain('href="http://localhost:3000/ar/glossary#cdn"');
    expect(html).toContain('تقرير كلاودفلير.');
    expect(html).not.toMatch(/<Term|<Callout|<Figure|RequestPathDiagram/);
  });

  it('names each way back from a note cited twice with the number it shows (label in name)', async () => {
    const html = await articleBodyToFeedHtml('أولًا[^n] وثانيًا[^n].\n\n[^n]: المصدر.', { locale: 'ar', slug: 'x', labels });
    expect(html).toMatch(/aria-label="عودة"[^>]*>↩<\/a>/);
    expect(html).toMatch(/aria-label="عودة 2"[^>]*>↩<sup>2<\/sup><\/a>/);
  });

  it('drops expressions instead of evaluating or printing them', async () => {
    const html = await articleBodyToFeedHtml('Before {1 + 1} after.', { locale: 'en', slug: 'x', labels });
    expect(html).toContain('Before  after.');
    expect(html).not.toContain('1 + 1');
  });
});
