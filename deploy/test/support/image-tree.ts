import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { instructions } from '../../src/images/lint-dockerfile';

const ROOT = join(__dirname, '../../..');
const DOCKERFILE = join(__dirname, '../../images/Dockerfile');

/** The RUN commands of one stage of the Dockerfile, in order. */
function runsOf(stage: string): string[] {
  const all = instructions(readFileSync(DOCKERFILE, 'utf8'));
  const from = all.findIndex((i) => i.keyword === 'FROM' && new RegExp(`\\bAS\\s+${stage}$`, 'i').test(i.args));
  if (from < 0) throw new Error(`Dockerfile has no stage ${stage}`);
  const next = all.findIndex((i, k) => k > from && i.keyword === 'FROM');
  return all.slice(from + 1, next < 0 ? undefined : next).filter((i) => i.keyword === 'RUN').map((i) => i.args);
}

/**
 * Builds what the image's /app holds without Docker, by running the Dockerfile's own commands on
 * this checkout: the build stage's collection step (after `npm ci` and the nx build, which the
 * test run has done already) with /out mapped to a temporary folder, then the production-tree
 * stage's workspace-narrowed `npm ci --omit=dev` in it. Returns the folder (the image's /app).
 * `npm cache clean` is left out: it would empty this machine's cache, not a throw-away layer's.
 */
export function buildImageTree(service: string): string {
  const out = join(mkdtempSync(join(tmpdir(), `image-${service}-`)), 'app');
  const [, collect] = runsOf('build');
  const [install] = runsOf('production-tree');
  if (!collect || !install) throw new Error('Dockerfile stages changed: update test/support/image-tree.ts');
  const env = { ...process.env, SERVICE: service, npm_config_prefer_offline: 'true' };
  execFileSync('sh', ['-ec', collect.replace(/\/out\b/g, out)], { cwd: ROOT, env, stdio: 'pipe' });
  execFileSync('sh', ['-ec', install.replace(/&&\s*npm cache clean --force/, '')], { cwd: out, env, stdio: 'pipe', timeout: 300_000 });
  return out;
}
