/**
 * A local Statuspage v2 server replaying the 18 November 2025 status-page posts, re-dated to now.
 *
 *   npx tsx scripts/statuspage-sim.ts [--port 41731] [--interval 10] [--speed 60] [--manual]
 *
 * --interval N  one update every N seconds (default 10)
 * --speed X     replay the real gaps X times faster instead (60: one real minute per second)
 * --manual      publish only on POST /__control/publish
 * The port can also come from SIM_PORT. Control: POST /__control {"mode":"ok|500|timeout|garbage|
 * truncated|huge|html|wrong-type"}, POST /__control/publish, POST /__control/edit {"body"?}.
 */
import { parseArgs } from 'node:util';
import { z } from 'zod';
import { simulatorModes, startStatuspageSimulator } from '@/lib/incidents/statuspage/simulator';

const Args = z.object({
  port: z.coerce.number().int().min(0).max(65535),
  interval: z.coerce.number().positive().max(3600),
  speed: z.coerce.number().positive().max(100_000).nullable(),
  manual: z.boolean(),
});

const { values } = parseArgs({
  options: {
    port: { type: 'string' },
    interval: { type: 'string', default: '10' },
    speed: { type: 'string' },
    manual: { type: 'boolean', default: false },
  },
});

const args = Args.safeParse({
  port: values.port ?? process.env.SIM_PORT ?? '41731',
  interval: values.interval,
  speed: values.speed ?? null,
  manual: values.manual,
});
if (!args.success) {
  console.error(z.prettifyError(args.error));
  process.exit(2);
}

const sim = await startStatuspageSimulator({
  port: args.data.port,
  intervalSeconds: args.data.interval,
  speed: args.data.speed,
  autoplay: !args.data.manual,
  log: (m) => console.info(`[sim] ${m}`),
});
console.info(`[sim] Statuspage v2 simulator on ${sim.url} (incident ${sim.state().incidentId})`);
console.info(`[sim] modes: ${simulatorModes.join(', ')}; e.g. curl -X POST ${sim.url}/__control -d '{"mode":"500"}'`);

let stopping = false;
const stop = (): void => {
  if (stopping) return;
  stopping = true;
  void sim.close().then(() => process.exit(0));
};
process.once('SIGINT', stop);
process.once('SIGTERM', stop);
