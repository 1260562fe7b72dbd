// Fails when src/generated is not what `buf generate` makes from proto/ now, so the committed
// code can never drift from the .proto files. Part of `npm run lint`.
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { libRoot, runBuf } from './buf';

function filesUnder(root: string): Map<string, string> {
  const files = new Map<string, string>();
  const walk = (dir: string): void => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else files.set(relative(root, path), readFileSync(path, 'utf8'));
    }
  };
  walk(root);
  return files;
}

const scratch = mkdtempSync(join(tmpdir(), 'contracts-generated-'));
try {
  if (runBuf(['generate', '-o', scratch]) !== 0) process.exit(1);
  const fresh = filesUnder(join(scratch, 'src', 'generated'));
  const committed = filesUnder(join(libRoot, 'src', 'generated'));
  const stale = [...new Set([...fresh.keys(), ...committed.keys()])].filter((file) => fresh.get(file) !== committed.get(file)).sort();
  if (stale.length > 0) {
    console.error(`src/generated is out of date (${stale.join(', ')}); run \`npm run generate -w libs/contracts\` and commit the result.`);
    process.exit(1);
  }
  console.log(`src/generated is up to date (${fresh.size} files)`);
} finally {
  rmSync(scratch, { recursive: true, force: true });
}
