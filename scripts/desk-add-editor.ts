/**
 * Editor accounts and API tokens for the desk, against the same database as the server
 * (DATA_DIR, default <repo>/.data). Safe while the server runs (SQLite WAL).
 *
 *   npm run desk:add-editor -- --email layla@example.org --name "ليلى"          # new editor
 *   npm run desk:add-editor -- --email … --name … --token [--token-label ci]     # … plus an API token
 *   npm run desk:add-editor -- --email … --token-only [--token-label ci]        # token for an existing editor
 *   npm run desk:add-editor -- --email … --reset-password                       # new password, ends sessions
 *   npm run desk:add-editor -- --revoke-token <token id>
 *
 * The password is never an argument (argv is visible to every user of the machine and lands in
 * shell history): it is read from standard input (first line), or prompted for twice, without
 * echo, on a terminal. An API token is printed once, on standard output; only its hash is kept.
 */
import { createInterface } from 'node:readline';
import { Writable } from 'node:stream';
import { parseArgs } from 'node:util';
import { z } from 'zod';
import { readDeskConfig } from '@/lib/desk/config';
import { DeskService } from '@/lib/desk/service';
import { SqliteDeskStore } from '@/lib/desk/sqlite-desk-store';
import { readIncidentConfig } from '@/lib/incidents/config';
import { IncidentHub } from '@/lib/incidents/hub';
import { IncidentService } from '@/lib/incidents/service';
import { SqliteIncidentStore } from '@/lib/incidents/sqlite-store';

const { values } = parseArgs({
  options: {
    email: { type: 'string' },
    name: { type: 'string' },
    token: { type: 'boolean', default: false },
    'token-only': { type: 'boolean', default: false },
    'token-label': { type: 'string', default: 'script' },
    'reset-password': { type: 'boolean', default: false },
    'revoke-token': { type: 'string' },
    help: { type: 'boolean', default: false },
  },
  strict: true,
});

function usage(code: number): never {
  const lines = [
    'npm run desk:add-editor -- --email ADDRESS --name NAME [--token [--token-label LABEL]]   (password on stdin or prompted)',
    'npm run desk:add-editor -- --email ADDRESS --token-only [--token-label LABEL]',
    'npm run desk:add-editor -- --email ADDRESS --reset-password',
    'npm run desk:add-editor -- --revoke-token TOKEN_ID',
  ];
  (code === 0 ? console.log : console.error)(lines.join('\n'));
  process.exit(code);
}

async function readPassword(): Promise<string> {
  if (!process.stdin.isTTY) {
    let data = '';
    for await (const chunk of process.stdin) data += String(chunk);
    return data.split(/\r?\n/)[0] ?? '';
  }
  let muted = false;
  const output = new Writable({
    write(chunk: Buffer, _enc, done) {
      if (!muted) process.stderr.write(chunk);
      done();
    },
  });
  const rl = createInterface({ input: process.stdin, output, terminal: true });
  const ask = (q: string) =>
    new Promise<string>((resolve) => {
      muted = false;
      process.stderr.write(q);
      muted = true;
      rl.question('', (answer) => {
        process.stderr.write('\n');
        resolve(answer);
      });
    });
  const first = await ask('Password (12 characters or more): ');
  const second = await ask('Again: ');
  rl.close();
  if (first !== second) {
    console.error('The two passwords differ.');
    process.exit(2);
  }
  return first;
}

if (values.help) usage(0);
const { config } = readIncidentConfig();
const incidentStore = SqliteIncidentStore.open(config.dataDir, { warn: () => undefined });
const deskStore = SqliteDeskStore.open(config.dataDir);
const desk = new DeskService({ store: deskStore, incidents: new IncidentService(incidentStore, new IncidentHub()), config: readDeskConfig() });

try {
  if (values['revoke-token'] !== undefined) {
    const ok = await desk.revokeApiToken(values['revoke-token']);
    console.error(ok ? `Token ${values['revoke-token']} revoked.` : `No active token ${values['revoke-token']}.`);
    process.exitCode = ok ? 0 : 1;
  } else {
    if (values.email === undefined) usage(2);
    if (values['reset-password']) {
      await desk.setPassword(values.email, await readPassword());
      console.error(`Password changed for ${values.email}; their sessions are ended.`);
    } else if (!values['token-only']) {
      if (values.name === undefined) usage(2);
      const editor = await desk.createEditor({ email: values.email, name: values.name, password: await readPassword() });
      console.error(`Editor ${editor.email} (${editor.name}) created in ${config.dataDir}.`);
    }
    if (values.token || values['token-only']) {
      const { token, id } = await desk.issueApiToken(values.email, values['token-label']);
      console.error(`API token ${id} created. It is shown once; store it as DESK_TOKEN:`);
      console.log(token);
    }
  }
} catch (error) {
  console.error(error instanceof z.ZodError ? z.prettifyError(error) : error instanceof Error ? error.message : String(error));
  process.exitCode = 1;
} finally {
  await deskStore.close();
  await incidentStore.close();
}
