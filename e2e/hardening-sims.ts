/**
 * Several Statuspage simulators in one process, for the fault tests (one per misbehaviour, so
 * a server polling all of them sees every failure at once instead of one after another):
 *
 *   node node_modules/tsx/dist/cli.mjs e2e/hardening-sims.ts 21261=500 21262=timeout …
 *
 * Each listens on 127.0.0.1:<port> in manual mode (nothing is published until
 * POST /__control/publish) and starts in the given mode; switch with POST /__control
 * {"mode":"ok"}. Prints "ready" when all listen. Stops on SIGTERM/SIGINT, when its parent's
 * stdin closes, and in any case after --max-seconds (default 600).
 */
import { simulatorModes, startStatuspageSimulator, type SimulatorMode, type StatuspageSimulator } from '@/lib/incidents/statuspage/simulator';

const args = process.argv.slice(2);
let maxSeconds = 600;
const specs: { port: number; mode: SimulatorMode }[] = [];
for (let i = 0; i < args.length; i++) {
  const a = args[i] ?? '';
  if (a === '--max-seconds') {
    maxSeconds = Math.min(3600, Math.max(1, Number(args[++i])));
    continue;
  }
  const [port, mode] = a.split('=');
  if (!simulatorModes.includes(mode as SimulatorMode) || !/^\d+$/.test(port ?? '')) {
    console.error(`bad argument ${a}: expected <port>=<${simulatorModes.join('|')}>`);
    process.exit(2);
  }
  specs.push({ port: Number(port), mode: mode as SimulatorMode });
}

const sims: StatuspageSimulator[] = [];
let stopping = false;
const stop = (code: number): void => {
  if (stopping) return;
  stopping = true;
  void Promise.allSettled(sims.map((s) => s.close())).then(() => process.exit(code));
  setTimeout(() => process.exit(code), 3000).unref();
};
process.once('SIGTERM', () => stop(0));
process.once('SIGINT', () => stop(0));
process.stdin.on('end', () => stop(0));
process.stdin.on('close', () => stop(0));
process.stdin.resume();
setTimeout(() => stop(0), maxSeconds * 1000).unref();

try {
  for (const { port, mode } of specs) {
    const sim = await startStatuspageSimulator({ port, autoplay: false });
    sim.setMode(mode);
    sims.push(sim);
  }
  console.log('ready');
} catch (error) {
  console.error(`could not start: ${error instanceof Error ? error.message : String(error)}`);
  stop(1);
}
