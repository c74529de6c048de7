// `npm run bench`: every scripts/bench/*.bench.ts in turn, each printing its figures beside their targets
// and the peer measured in the same run. Builds the extension first where a bench needs it.
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

const root = join(import.meta.dirname, '..', '..');
if (!existsSync(join(root, '.output', 'chrome-mv3', 'manifest.json'))) {
  execFileSync('npm', ['run', 'build'], { cwd: root, stdio: 'inherit' });
}
const only = process.argv.slice(2);
const benches = readdirSync(import.meta.dirname)
  .filter((f) => f.endsWith('.bench.ts'))
  .filter((f) => only.length === 0 || only.some((o) => f.includes(o)))
  .sort();
let failed = 0;
for (const file of benches) {
  console.log(`\n=== ${file} ===`);
  try {
    execFileSync(join(root, 'node_modules', '.bin', 'tsx'), [join(import.meta.dirname, file)], { cwd: root, stdio: 'inherit' });
  } catch {
    failed++;
    console.log(`${file} failed`);
  }
}
process.exit(failed ? 1 : 0);
