/**
 * The live timeline end to end: the Statuspage simulator plus the production site polling it.
 *
 *   npm run build && npx tsx scripts/demo-live.ts [--port 3000] [--sim-port 41731] [--interval 10] [--speed 60] [--keep-data]
 *
 * Needs a production build (`npm run build`) first. The site polls every 5 s and stores into
 * .data/demo (wiped at start unless --keep-data), so the demo never touches the real .data.
 * The new incident appears in GET /api/incidents; its live stream is /api/incidents/<id>/events.
 * Ctrl-C stops both.
 */
import { spawn } from 'node:child_process';
import { existsSync, rmSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { z } from 'zod';
import { startStatuspageSimulator } from '@/lib/incidents/statuspage/simulator';

const root = process.cwd();
const Args = z.object({
  port: z.coerce.number().int().min(1).max(65535),
  simPort: z.coerce.number().int().min(1).max(65535),
  interval: z.coerce.number().positive().max(3600),
  speed: z.coerce.number().positive().max(100_000).nullable(),
  keepData: z.boolean(),
});
const { values } = parseArgs({
  options: {
    port: { type: 'string', default: process.env.PORT ?? '3000' },
    'sim-port': { type: 'string', default: process.env.SIM_PORT ?? '41731' },
    interval: { type: 'string', default: '10' },
    speed: { type: 'string' },
    'keep-data': { type: 'boolean', default: false },
  },
});
const args = Args.safeParse({
  port: values.port,
  simPort: values['sim-port'],
  interval: values.interval,
  speed: values.speed ?? null,
  keepData: values['keep-data'],
});
if (!args.success) {
  console.error(z.prettifyError(args.error));
  process.exit(2);
}

const distDir = process.env.NEXT_DIST_DIR ?? '.next';
if (!existsSync(path.join(root, distDir, 'BUILD_ID'))) {
  console.error(`No production build in ${distDir}/. Run \`npm run build\` first, then this script again.`);
  process.exit(1);
}

const dataDir = path.join(root, '.data', 'demo');
if (!args.data.keepData) rmSync(dataDir, { recursive: true, force: true });

const sim = await startStatuspageSimulator({
  port: args.data.simPort,
  intervalSeconds: args.data.interval,
  speed: args.data.speed,
  log: (m) => console.info(`[sim] ${m}`),
});
const { incidentId } = sim.state();
console.info(`[demo] simulator on ${sim.url}, replaying as upstream incident ${incidentId}`);

// node directly, not npx: npx would leave an orphaned server behind when it is killed.
const site = spawn(process.execPath, [path.join(root, 'node_modules/next/dist/bin/next'), 'start', '-p', String(args.data.port)], {
  cwd: root,
  stdio: 'inherit',
  env: {
    ...process.env,
    NODE_ENV: 'production',
    DATA_DIR: dataDir,
    STATUSPAGE_URLS: `cloudflare=${sim.url}`,
    STATUSPAGE_POLL_SECONDS: '5',
    STATUSPAGE_INGEST: 'on',
  },
});
const localId = `cloudflare-${incidentId}`;
console.info(`[demo] site on http://localhost:${args.data.port}`);
console.info(`[demo]   JSON:   http://localhost:${args.data.port}/api/incidents/${localId}`);
console.info(`[demo]   events: curl -N http://localhost:${args.data.port}/api/incidents/${localId}/events`);
console.info(`[demo]   break the feed: curl -X POST ${sim.url}/__control -d '{"mode":"500"}'  (and "ok" to recover)`);

let stopping = false;
async function shutdown(code: number): Promise<void> {
  if (stopping) return;
  stopping = true;
  if (site.exitCode === null && site.pid !== undefined) site.kill('SIGTERM');
  await sim.close();
  process.exit(code);
}
site.once('exit', (code) => void shutdown(code ?? 0));
process.once('SIGINT', () => void shutdown(0));
process.once('SIGTERM', () => void shutdown(0));
