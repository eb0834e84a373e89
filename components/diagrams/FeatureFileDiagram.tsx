import { useId } from 'react';
import { localeConfig, type Locale } from '@/lib/i18n/locales';
import { boxX, DiagramText, FlowArrow, FlowBox, palette, pointX, safeId, VIEW_WIDTH } from '@/components/diagrams/flow-geometry';

interface Labels {
  title: string;
  desc: string;
  steps: readonly [string, string, string, string];
  defaultDb: readonly [string, string];
  r0Db: readonly [string, string, string];
  query: readonly [string, string, string, string];
  file: readonly [string, string];
  usual: string;
  usualValue: string;
  bad: string;
  badValue: string;
  limit: string;
  fl2: readonly [string, string, string];
  fl: readonly [string, string, string];
  cycle: string;
}

const labels: Record<Locale, Labels> = {
  ar: {
    title: 'كيف تجاوز ملف الميزات حد المئتي ميزة',
    desc:
      'بعد تعديل الصلاحيات عند 11:05 بالتوقيت العالمي، صار استعلام ClickHouse على جدول system.columns، الذي يحدد اسم الجدول ولا يحدد قاعدة البيانات، يعيد الأعمدة من قاعدة default ومن قاعدة r0 معًا، فتكررت الأسطر. وزاد حجم ملف الميزات على الضعف، من نحو 60 ميزة في العادة إلى أكثر من 200، متجاوزًا الحد الذي تقبله وحدة إدارة البوتات وهو 200 ميزة. فتوقف الوكيل الجديد FL2 توقفًا قسريًا (panic) وردّ بأخطاء HTTP 5xx، أما الوكيل القديم FL فلم تظهر فيه أخطاء لكنه منح كل الطلبات درجة بوت تساوي صفرًا. وكان الملف يُعاد توليده كل خمس دقائق، فيخرج سليمًا أو معطوبًا بحسب الخادم الذي نفّذ الاستعلام.',
    steps: ['1 · قواعد البيانات', '2 · الاستعلام', '3 · ملف الميزات', '4 · الوكيل'],
    defaultDb: ['default', 'الأسطر المتوقعة'],
    r0Db: ['r0', 'مرئية منذ 11:05', 'أسطر مكررة'],
    query: ['استعلام ClickHouse', 'system.columns', 'يحدد الجدول', 'ولا يحدد القاعدة'],
    file: ['ملف الميزات', 'الأسطر زادت على الضعف'],
    usual: 'المعتاد',
    usualValue: 'نحو 60',
    bad: 'المعطوب',
    badValue: 'أكثر من 200',
    limit: 'الحد 200',
    fl2: ['FL2', 'توقف قسري (panic)', 'أخطاء HTTP 5xx'],
    fl: ['FL', 'بلا أخطاء، لكن', 'درجة البوت 0 للجميع'],
    cycle: 'يُعاد توليد الملف كل 5 دقائق، فيخرج سليمًا أو معطوبًا بحسب الخادم الذي نفّذ الاستعلام',
  },
  en: {
    title: 'How the feature file crossed the 200-feature limit',
    desc:
      'After the permissions change at 11:05 UTC, the ClickHouse query on system.columns, which filters by table name but not by database, returned columns from both the default and the r0 databases, so rows were duplicated. The feature file more than doubled, from about 60 features in normal use to more than 200, crossing the 200-feature limit of the Bot Management module. The new FL2 proxy panicked and returned HTTP 5xx errors; the old FL proxy returned no errors but gave every request a bot score of zero. The file was rebuilt every five minutes, coming out good or bad depending on which server ran the query.',
    steps: ['1 · Databases', '2 · Query', '3 · Feature file', '4 · Proxy'],
    defaultDb: ['default', 'the expected rows'],
    r0Db: ['r0', 'visible from 11:05', 'duplicate rows'],
    query: ['ClickHouse query', 'system.columns', 'filters by table,', 'not by database'],
    file: ['Feature file', 'rows more than doubled'],
    usual: 'usual',
    usualValue: '≈60',
    bad: 'bad file',
    badValue: 'over 200',
    limit: 'limit 200',
    fl2: ['FL2', 'panic', 'HTTP 5xx errors'],
    fl: ['FL', 'no errors, but', 'bot score 0 for all'],
    cycle: 'Rebuilt every 5 minutes: good or bad depending on which server ran the query',
  },
};

// Logical columns, measured from the reading-start edge.
const HEIGHT = 400;
const cols = {
  db: { start: 6, width: 150 },
  query: { start: 182, width: 160 },
  file: { start: 368, width: 170 },
  proxy: { start: 564, width: 150 },
} as const;
const TOP_Y = 56;
const PAIR_H = 112;
const LOWER_Y = 206;
const QUERY_Y = 106;
const QUERY_H = 156;
const FILE_Y = 46;
const FILE_H = 286;
// Bar chart inside the file box: 0.8 units per feature, so the 200 limit sits 160 units up.
const BASELINE = 300;
const PER_FEATURE = 0.8;
const LIMIT = 200;
const USUAL = 60;
// The bad file's exact size is not published (only "more than 200"), so its bar just clears the limit.
const BAD_DRAWN = 218;
const BAR_W = 44;
const usualBar = { start: 384 };
const badBar = { start: 474 };
const CYCLE_Y = 372;

/** The ClickHouse change, the doubled file and the two proxies' failures, mirrored for RTL. */
export function FeatureFileDiagram({ locale }: { locale: Locale }) {
  const { dir } = localeConfig(locale);
  const t = labels[locale];
  const uid = useId();
  const titleId = safeId(uid, 'title');
  const descId = safeId(uid, 'desc');

  const x = (c: { start: number; width: number }) => boxX(dir, c.start, c.width);
  const mid = (c: { start: number; width: number }) => pointX(dir, c.start + c.width / 2);
  const startEdge = (c: { start: number }) => pointX(dir, c.start - 2);
  const endEdge = (c: { start: number; width: number }) => pointX(dir, c.start + c.width + 2);

  const limitY = BASELINE - LIMIT * PER_FEATURE;
  const usualTop = BASELINE - USUAL * PER_FEATURE;
  const badTop = BASELINE - BAD_DRAWN * PER_FEATURE;
  const fileInnerStart = cols.file.start + 10;
  const fileInnerEnd = cols.file.start + cols.file.width - 10;

  return (
    <svg
      viewBox={`0 0 ${VIEW_WIDTH} ${HEIGHT}`}
      role="img"
      aria-labelledby={`${titleId} ${descId}`}
      direction={dir}
      className="diagram"
      style={{ display: 'block', width: '100%', height: 'auto' }}
    >
      <title id={titleId}>{t.title}</title>
      <desc id={descId}>{t.desc}</desc>

      {[cols.db, cols.query, cols.file, cols.proxy].map((c, i) => (
        <DiagramText key={c.start} x={mid(c)} y={28} dir={dir} size={14} weight={700} tone="muted">
          {t.steps[i]}
        </DiagramText>
      ))}

      {/* 1 · the two databases behind the distributed table */}
      <FlowBox x={x(cols.db)} y={TOP_Y} width={cols.db.width} height={PAIR_H} flow={1} />
      <DiagramText x={mid(cols.db)} y={TOP_Y + 44} dir="ltr" size={18} weight={700} mono>
        {t.defaultDb[0]}
      </DiagramText>
      <DiagramText x={mid(cols.db)} y={TOP_Y + 72} dir={dir} size={14} tone="muted">
        {t.defaultDb[1]}
      </DiagramText>

      <FlowBox x={x(cols.db)} y={LOWER_Y} width={cols.db.width} height={PAIR_H} tone="danger" />
      <DiagramText x={mid(cols.db)} y={LOWER_Y + 36} dir="ltr" size={18} weight={700} mono>
        {t.r0Db[0]}
      </DiagramText>
      <DiagramText x={mid(cols.db)} y={LOWER_Y + 62} dir={dir} size={14}>
        {t.r0Db[1]}
      </DiagramText>
      <DiagramText x={mid(cols.db)} y={LOWER_Y + 86} dir={dir} size={14} weight={700} tone="danger">
        {t.r0Db[2]}
      </DiagramText>

      {/* 2 · the query without a database filter */}
      <FlowBox x={x(cols.query)} y={QUERY_Y} width={cols.query.width} height={QUERY_H} flow={2} />
      <DiagramText x={mid(cols.query)} y={QUERY_Y + 32} dir={dir} weight={700}>
        {t.query[0]}
      </DiagramText>
      <DiagramText x={mid(cols.query)} y={QUERY_Y + 62} dir="ltr" size={14} mono>
        {t.query[1]}
      </DiagramText>
      <DiagramText x={mid(cols.query)} y={QUERY_Y + 98} dir={dir} size={14} tone="muted">
        {t.query[2]}
      </DiagramText>
      <DiagramText x={mid(cols.query)} y={QUERY_Y + 122} dir={dir} size={14} tone="muted">
        {t.query[3]}
      </DiagramText>
      <FlowArrow x1={endEdge(cols.db)} y1={TOP_Y + PAIR_H / 2} x2={startEdge(cols.query)} y2={QUERY_Y + 50} />
      <FlowArrow x1={endEdge(cols.db)} y1={LOWER_Y + PAIR_H / 2} x2={startEdge(cols.query)} y2={QUERY_Y + QUERY_H - 50} tone="danger" />

      {/* 3 · the feature file, drawn as a bar chart against the limit */}
      <FlowBox x={x(cols.file)} y={FILE_Y} width={cols.file.width} height={FILE_H} flow={3} />
      <DiagramText x={mid(cols.file)} y={FILE_Y + 26} dir={dir} weight={700}>
        {t.file[0]}
      </DiagramText>
      <DiagramText x={mid(cols.file)} y={FILE_Y + 48} dir={dir} size={14} tone="muted">
        {t.file[1]}
      </DiagramText>
      <rect
        x={boxX(dir, usualBar.start, BAR_W)}
        y={usualTop}
        width={BAR_W}
        height={BASELINE - usualTop}
        style={{ fill: 'currentColor', fillOpacity: 0.35 }}
      />
      <rect
        x={boxX(dir, badBar.start, BAR_W)}
        y={badTop}
        width={BAR_W}
        height={BASELINE - badTop}
        style={{ fill: palette.danger }}
      />
      <line
        x1={pointX(dir, fileInnerStart)}
        x2={pointX(dir, fileInnerEnd)}
        y1={limitY}
        y2={limitY}
        strokeWidth={2}
        strokeDasharray="6 4"
        style={{ stroke: 'currentColor' }}
      />
      <line x1={pointX(dir, fileInnerStart)} x2={pointX(dir, fileInnerEnd)} y1={BASELINE} y2={BASELINE} strokeWidth={1.5} style={{ stroke: 'currentColor' }} />
      <DiagramText x={pointX(dir, fileInnerStart + 4)} y={limitY + 20} dir={dir} size={14} weight={700} anchor="start">
        {t.limit}
      </DiagramText>
      <DiagramText x={pointX(dir, usualBar.start + BAR_W / 2)} y={usualTop - 8} dir={dir} size={14}>
        {t.usualValue}
      </DiagramText>
      <DiagramText x={pointX(dir, badBar.start + BAR_W / 2)} y={badTop - 8} dir={dir} size={14} weight={700} tone="danger">
        {t.badValue}
      </DiagramText>
      <DiagramText x={pointX(dir, usualBar.start + BAR_W / 2)} y={BASELINE + 22} dir={dir} size={14} tone="muted">
        {t.usual}
      </DiagramText>
      <DiagramText x={pointX(dir, badBar.start + BAR_W / 2)} y={BASELINE + 22} dir={dir} size={14} weight={700}>
        {t.bad}
      </DiagramText>
      <FlowArrow x1={endEdge(cols.query)} y1={QUERY_Y + QUERY_H / 2} x2={startEdge(cols.file)} y2={QUERY_Y + QUERY_H / 2} tone="danger" />

      {/* 4 · what each proxy did with the oversized file */}
      <FlowBox x={x(cols.proxy)} y={TOP_Y} width={cols.proxy.width} height={PAIR_H} tone="danger" flow={4} />
      <DiagramText x={mid(cols.proxy)} y={TOP_Y + 32} dir="ltr" size={18} weight={700}>
        {t.fl2[0]}
      </DiagramText>
      <DiagramText x={mid(cols.proxy)} y={TOP_Y + 60} dir={dir} size={14} weight={700} tone="danger">
        {t.fl2[1]}
      </DiagramText>
      <DiagramText x={mid(cols.proxy)} y={TOP_Y + 84} dir={dir} size={14}>
        {t.fl2[2]}
      </DiagramText>

      <FlowBox x={x(cols.proxy)} y={LOWER_Y} width={cols.proxy.width} height={PAIR_H} tone="danger" />
      <DiagramText x={mid(cols.proxy)} y={LOWER_Y + 32} dir="ltr" size={18} weight={700}>
        {t.fl[0]}
      </DiagramText>
      <DiagramText x={mid(cols.proxy)} y={LOWER_Y + 60} dir={dir} size={14}>
        {t.fl[1]}
      </DiagramText>
      <DiagramText x={mid(cols.proxy)} y={LOWER_Y + 84} dir={dir} size={14} weight={700} tone="danger">
        {t.fl[2]}
      </DiagramText>
      <FlowArrow x1={endEdge(cols.file)} y1={FILE_Y + FILE_H / 2 - 20} x2={startEdge(cols.proxy)} y2={TOP_Y + PAIR_H / 2} tone="danger" />
      <FlowArrow x1={endEdge(cols.file)} y1={FILE_Y + FILE_H / 2 + 20} x2={startEdge(cols.proxy)} y2={LOWER_Y + PAIR_H / 2} tone="danger" />

      <DiagramText x={VIEW_WIDTH / 2} y={CYCLE_Y} dir={dir} size={14} tone="muted">
        {t.cycle}
      </DiagramText>
    </svg>
  );
}
