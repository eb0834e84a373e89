/**
 * Creates the stored share-card references used by lib/share-cards/render.test.ts.
 *
 *   npx tsx scripts/update-card-references.ts           # writes candidates to look at
 *   npx tsx scripts/update-card-references.ts --write   # after judging them: replaces the references
 *
 * A reference is only as good as the eyes that approved it: a wrong image stored here would make
 * the visual test defend a bug. So the default run only writes candidates under
 * test-results/share-cards/candidates/. Open each one, compare it with Chromium
 * (scripts/compare-cards-with-chromium.ts) — joined letters, word order, Latin names in place,
 * harakat on the right letters, nothing clipped — and only then run with --write.
 * See docs/decisions/0020-share-cards.md.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { referenceCases } from '@/lib/share-cards/reference-cases';
import { renderShareCard } from '@/lib/share-cards/render';

const write = process.argv.includes('--write');
const root = process.cwd();
const outDir = write
  ? path.join(root, 'lib', 'share-cards', '__reference__')
  : path.join(root, 'test-results', 'share-cards', 'candidates');

await mkdir(outDir, { recursive: true });
for (const { name, stored, input } of referenceCases) {
  if (!stored) continue;
  const file = path.join(outDir, `${name}.png`);
  await writeFile(file, await renderShareCard(input));
  console.log(`${write ? 'reference' : 'candidate'}: ${path.relative(root, file)}`);
}
if (!write) console.log('Look at every candidate before running again with --write.');
