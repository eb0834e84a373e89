import { useId } from 'react';
import { localeConfig, type Locale } from '@/lib/i18n/locales';
import { boxX, DiagramText, FlowArrow, FlowBox, pointX, safeId, VIEW_WIDTH } from '@/components/diagrams/flow-geometry';

interface Labels {
  title: string;
  desc: string;
  network: string;
  visitor: readonly [string, string];
  edge: readonly [string, string];
  proxy: readonly [string, string];
  modules: readonly [string, string, string];
  pingora: readonly [string, string];
  origin: readonly [string, string];
  featureFile: readonly [string, string];
}

const labels: Record<Locale, Labels> = {
  ar: {
    title: 'مسار الطلب عبر شبكة كلاودفلير',
    desc:
      'يصل طلب الزائر من متصفحه إلى طبقة HTTP وTLS في شبكة كلاودفلير، ثم إلى الوكيل الأساسي (FL أو نسخته الأحدث FL2)، حيث تعمل وحدات مثل جدار حماية تطبيقات الويب والحماية من هجمات DDoS وإدارة البوتات. وتقرأ وحدة إدارة البوتات ملف الميزات الذي يُجدَّد كل بضع دقائق. وأخيرًا يقدّم Pingora الرد من الذاكرة المؤقتة أو يجلبه من الخادم الأصلي للموقع.',
    network: 'شبكة كلاودفلير',
    visitor: ['الزائر', 'المتصفح'],
    edge: ['HTTP / TLS', 'الاتصال'],
    proxy: ['الوكيل الأساسي', 'FL أو FL2'],
    modules: ['جدار حماية الويب (WAF)', 'الحماية من DDoS', 'إدارة البوتات'],
    pingora: ['Pingora', 'ذاكرة مؤقتة'],
    origin: ['الخادم', 'الأصلي'],
    featureFile: ['ملف الميزات', 'يُجدَّد كل بضع دقائق'],
  },
  en: {
    title: "How a request travels through Cloudflare's network",
    desc:
      "A visitor's request goes from the browser to Cloudflare's HTTP and TLS layer, then to the core proxy (FL, or its newer version FL2), where modules such as the web application firewall, DDoS protection and Bot Management run. The Bot Management module reads the feature file, which is refreshed every few minutes. Finally Pingora serves the response from cache or fetches it from the site's origin server.",
    network: "Cloudflare's network",
    visitor: ['Visitor', 'browser'],
    edge: ['HTTP / TLS', 'connection'],
    proxy: ['Core proxy', 'FL or FL2'],
    modules: ['Web firewall (WAF)', 'DDoS protection', 'Bot Management'],
    pingora: ['Pingora', 'cache'],
    origin: ['Origin', 'server'],
    featureFile: ['Feature file', 'refreshed every few minutes'],
  },
};

// Logical layout: `start` is measured from the reading-start edge (left in English, right in Arabic).
const HEIGHT = 400;
const SMALL_W = 100;
const PROXY_W = 212;
const flow = [
  { key: 'visitor', start: 6, width: SMALL_W },
  { key: 'edge', start: 130, width: SMALL_W },
  { key: 'proxy', start: 254, width: PROXY_W },
  { key: 'pingora', start: 490, width: SMALL_W },
  { key: 'origin', start: 614, width: SMALL_W },
] as const;
const SMALL_Y = 110;
const SMALL_H = 84;
const MID_Y = SMALL_Y + SMALL_H / 2;
const PROXY_Y = 44;
const PROXY_H = 232;
const MODULE_H = 40;
const MODULE_INSET = 14;
const MODULE_YS = [116, 166, 216] as const;
const FILE_Y = 316;
const FILE_H = 66;
const GROUP = { start: 118, end: 602, y: 8 } as const;

/** The path of a request through Cloudflare, mirrored for right-to-left languages. */
export function RequestPathDiagram({ locale }: { locale: Locale }) {
  const { dir } = localeConfig(locale);
  const t = labels[locale];
  const uid = useId();
  const titleId = safeId(uid, 'title');
  const descId = safeId(uid, 'desc');

  const proxy = flow[2];
  const proxyX = boxX(dir, proxy.start, proxy.width);
  const proxyMid = proxyX + proxy.width / 2;
  const groupX = boxX(dir, GROUP.start, GROUP.end - GROUP.start);

  const smallBoxes = [
    { box: flow[0], text: t.visitor },
    { box: flow[1], text: t.edge },
    { box: flow[3], text: t.pingora },
    { box: flow[4], text: t.origin },
  ];

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

      <FlowBox x={groupX} y={GROUP.y} width={GROUP.end - GROUP.start} height={HEIGHT - 2 * GROUP.y} tone="group" />
      <DiagramText x={pointX(dir, GROUP.start + 14)} y={GROUP.y + 24} dir={dir} size={14} weight={600} anchor="start" tone="muted">
        {t.network}
      </DiagramText>

      {smallBoxes.map(({ box, text }) => {
        const x = boxX(dir, box.start, box.width);
        const mid = x + box.width / 2;
        return (
          <g key={box.key}>
            <FlowBox x={x} y={SMALL_Y} width={box.width} height={SMALL_H} flow={flow.indexOf(box) + 1} />
            <DiagramText x={mid} y={MID_Y - 4} dir={dir} weight={700}>
              {text[0]}
            </DiagramText>
            <DiagramText x={mid} y={MID_Y + 20} dir={dir} size={14} tone="muted">
              {text[1]}
            </DiagramText>
          </g>
        );
      })}

      <FlowBox x={proxyX} y={PROXY_Y} width={proxy.width} height={PROXY_H} flow={3} />
      <DiagramText x={proxyMid} y={PROXY_Y + 30} dir={dir} size={17} weight={700}>
        {t.proxy[0]}
      </DiagramText>
      <DiagramText x={proxyMid} y={PROXY_Y + 52} dir={dir} size={14} tone="muted">
        {t.proxy[1]}
      </DiagramText>
      {t.modules.map((name, i) => {
        const isBots = i === t.modules.length - 1;
        const y = MODULE_YS[i] ?? 0;
        return (
          <g key={name}>
            <FlowBox x={proxyX + MODULE_INSET} y={y} width={proxy.width - 2 * MODULE_INSET} height={MODULE_H} tone={isBots ? 'highlight' : 'normal'} />
            <DiagramText x={proxyMid} y={y + 26} dir={dir} size={15} weight={isBots ? 700 : 400}>
              {name}
            </DiagramText>
          </g>
        );
      })}

      <FlowBox x={proxyX} y={FILE_Y} width={proxy.width} height={FILE_H} tone="highlight" />
      <DiagramText x={proxyMid} y={FILE_Y + 27} dir={dir} weight={700}>
        {t.featureFile[0]}
      </DiagramText>
      <DiagramText x={proxyMid} y={FILE_Y + 50} dir={dir} size={14} tone="muted">
        {t.featureFile[1]}
      </DiagramText>
      {/* The file feeds the Bot Management module, the last one in the proxy's stack. */}
      <FlowArrow x1={proxyMid} y1={FILE_Y - 2} x2={proxyMid} y2={(MODULE_YS[2] ?? 0) + MODULE_H + 2} tone="danger" />

      {flow.slice(0, -1).map((from, i) => {
        const to = flow[i + 1];
        if (!to) return null;
        return (
          <FlowArrow
            key={from.key}
            x1={pointX(dir, from.start + from.width + 2)}
            y1={MID_Y}
            x2={pointX(dir, to.start - 2)}
            y2={MID_Y}
          />
        );
      })}
    </svg>
  );
}
