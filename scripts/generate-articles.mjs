#!/usr/bin/env node
// Writes N pairs of valid ar/en MDX articles for the build-time benchmark (bench/run.mjs).
//
//   node scripts/generate-articles.mjs <count> [outDir=bench/generated/articles]
//
// Each pair follows docs/content-guide.md and lib/content/schema.ts: same slug in both
// languages, full frontmatter, three sources with the same URLs in the same order, GFM footnotes
// labelled by source id, 800–2,000 words, headings, a list and a table. Deterministic: the same
// count gives the same files. Point the build at the folder with ARTICLES_DIR=<outDir>.
import fs from 'node:fs';
import path from 'node:path';

const count = Number(process.argv[2]);
const outDir = path.resolve(process.argv[3] ?? 'bench/generated/articles');
if (!Number.isInteger(count) || count < 1 || count > 20_000) {
  console.error('usage: node scripts/generate-articles.mjs <count 1..20000> [outDir]');
  process.exit(2);
}

const categories = ['news', 'causes', 'impact', 'resilience', 'context'];
const pad = (n) => String(n).padStart(4, '0');

const arParagraphs = [
  'في الثامن عشر من نوفمبر 2025 تعطّلت شبكة كلاودفلير لساعات، فتوقفت مواقع وتطبيقات يستخدمها الملايين يوميًا، من منصة إكس إلى ChatGPT، وظهرت للزوار صفحات خطأ بدل المحتوى المعتاد[^p1].',
  'بدأ العطل عند الساعة 11:20 بالتوقيت العالمي المنسق، أي 14:20 بتوقيت الرياض و15:20 بتوقيت الإمارات، واستمر الأثر الأكبر قرابة ثلاث ساعات قبل أن تعود الحركة إلى طبيعتها تدريجيًا[^p2].',
  'تقول الشركة في تقرير ما بعد الحادثة إن السبب لم يكن هجومًا، بل تغييرًا في صلاحيات قاعدة بيانات أدّى إلى مضاعفة حجم ملف الميزات الذي يستخدمه نظام إدارة البوتات، فتجاوز حدًّا مضبوطًا في البرنامج[^p1].',
  'حين يتعطل مزوّد واحد يقف أمام آلاف المواقع، يصبح نقطة الفشل الواحدة التي يحذّر منها المهندسون منذ سنوات؛ فالخادم الوكيل العكسي الذي يحمي الموقع ويسرّعه هو نفسه الباب الوحيد إليه[^p3].',
  'لا تعني الأرقام المتداولة كلها الشيء نفسه: عدد البلاغات على مواقع رصد الأعطال يقيس انزعاج المستخدمين لا عدد المواقع المتضررة، ومدة الانقطاع تختلف من خدمة إلى أخرى بحسب إعداداتها[^p2].',
  'ما الذي يمكن أن تفعله المؤسسات؟ أن تعرف أولًا أي خدماتها يمرّ عبر مزوّد واحد، وأن تختبر خطة بديلة قبل أن تحتاجها، وأن تُبقي صفحة الحالة الخاصة بها خارج البنية التي قد تتعطل[^p3].',
];
const enParagraphs = [
  'On 18 November 2025 Cloudflare’s network failed for several hours, and websites and apps used by millions every day, from X to ChatGPT, showed error pages instead of their usual content[^p1].',
  'The failure began at 11:20 UTC, 14:20 in Riyadh and 15:20 in the UAE, and the worst of it lasted about three hours before traffic gradually returned to normal[^p2].',
  'In its post-mortem the company says the cause was not an attack but a database permissions change that doubled the size of the feature file used by Bot Management, pushing it past a limit hard-coded in the software[^p1].',
  'When one provider stands in front of thousands of sites, it becomes the single point of failure engineers have warned about for years: the reverse proxy that protects and speeds up a site is also the only door into it[^p3].',
  'The figures in circulation do not all measure the same thing: reports on outage trackers measure user frustration, not the number of affected sites, and outage length differs from one service to another depending on its setup[^p2].',
  'What can organisations do? First, know which of their services pass through a single provider, then test a fallback before they need it, and keep their own status page outside the infrastructure that might fail[^p3].',
];

function body(paras, i, lang) {
  const h = lang === 'ar'
    ? ['ما الذي حدث', 'لماذا تعطّلت الشبكة', 'من تضرر', 'ماذا نتعلم']
    : ['What happened', 'Why the network failed', 'Who was hit', 'What we learn'];
  const list = lang === 'ar'
    ? ['- راجع الخدمات التي تعتمد على مزوّد واحد.', '- جهّز مسارًا بديلًا لنظام أسماء النطاقات.', '- اختبر صفحة الحالة من شبكة أخرى.']
    : ['- Review the services that depend on one provider.', '- Prepare a fallback path for DNS.', '- Test the status page from another network.'];
  const table = lang === 'ar'
    ? ['| الوقت (UTC) | الحدث |', '|---|---|', '| 11:20 | بداية الأخطاء |', '| 14:30 | عودة الحركة الأساسية |', '| 17:06 | عودة كل الأنظمة |']
    : ['| Time (UTC) | Event |', '|---|---|', '| 11:20 | Errors begin |', '| 14:30 | Core traffic restored |', '| 17:06 | All systems back |'];
  const parts = [];
  for (let s = 0; s < 4; s++) {
    parts.push(`## ${h[s]} ${i}`);
    // Rotate the paragraphs so articles differ; seven paragraphs a section keep 800–2,000 words.
    for (let k = 0; k < 7; k++) parts.push(paras[(i + s * 7 + k) % paras.length]);
    if (s === 1) parts.push(list.join('\n'));
    if (s === 2) parts.push(table.join('\n'));
  }
  return parts.join('\n\n');
}

const footnotes = {
  ar: ['[^p1]: ماثيو برينس، «Cloudflare outage on November 18, 2025»، مدونة كلاودفلير.', '[^p2]: «Cloudflare Global Network experiencing issues»، صفحة حالة كلاودفلير.', '[^p3]: «The Internet Report»، Cisco ThousandEyes.'],
  en: ['[^p1]: Matthew Prince, “Cloudflare outage on November 18, 2025”, The Cloudflare Blog.', '[^p2]: “Cloudflare Global Network experiencing issues”, Cloudflare Status.', '[^p3]: “The Internet Report”, Cisco ThousandEyes.'],
};

const sources = (i) => `sources:
  - id: p1
    title: "Cloudflare outage on November 18, 2025"
    publisher: "The Cloudflare Blog"
    url: "https://blog.cloudflare.com/18-november-2025-outage/?bench=${i}"
    date: 2025-11-18
  - id: p2
    title: "Cloudflare Global Network experiencing issues"
    publisher: "Cloudflare Status"
    url: "https://www.cloudflarestatus.com/incidents/8gmgl950y3h7?bench=${i}"
    date: 2025-11-18
  - id: p3
    title: "Internet Report: Cloudflare outage of November 18, 2025"
    publisher: "Cisco ThousandEyes"
    url: "https://www.thousandeyes.com/blog/internet-report-cloudflare-outage-november-18-2025?bench=${i}"
    date: 2025-11-26`;

function file(i, lang) {
  const day = String(1 + (i % 28)).padStart(2, '0');
  const published = `2025-12-${day}T${String(i % 24).padStart(2, '0')}:00:00Z`;
  const title = lang === 'ar' ? `مقال تجريبي رقم ${i} عن عطل كلاودفلير في 18 نوفمبر 2025` : `Benchmark article ${i} on the Cloudflare outage of 18 November 2025`;
  const summary = lang === 'ar'
    ? `مقال مولَّد لقياس زمن البناء رقم ${i}: ما الذي حدث في عطل كلاودفلير، ولماذا تعطلت الشبكة، ومن تضرر، وماذا نتعلم منه.`
    : `Generated article ${i} for the build-time benchmark: what happened in the Cloudflare outage, why the network failed, who was hit and what we learn.`;
  return `---
title: "${title}"
summary: "${summary}"
published: ${published}
updated: ${published}
category: ${categories[i % categories.length]}
incident: cloudflare-2025-11-18
author: "${lang === 'ar' ? 'غرفة الأخبار' : 'Newsroom'}"
${sources(i)}
---

${body(lang === 'ar' ? arParagraphs : enParagraphs, i, lang)}

${footnotes[lang].join('\n')}
`;
}

fs.rmSync(outDir, { recursive: true, force: true });
for (let i = 1; i <= count; i++) {
  const dir = path.join(outDir, `bench-article-${pad(i)}`);
  fs.mkdirSync(dir, { recursive: true });
  fs.writeFileSync(path.join(dir, 'ar.mdx'), file(i, 'ar'));
  fs.writeFileSync(path.join(dir, 'en.mdx'), file(i, 'en'));
}
console.log(`wrote ${count} article pairs to ${path.relative(process.cwd(), outDir) || outDir}`);
