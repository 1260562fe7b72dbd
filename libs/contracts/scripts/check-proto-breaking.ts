// Fails on a breaking change of proto/ against the last committed version (buf breaking, rule
// set FILE). Compares with HEAD by default, i.e. catches uncommitted breaking edits; set
// PROTO_BREAKING_AGAINST to another git ref (e.g. `main` or `origin/main` on a branch) to compare
// with that. Skips, saying why, where there is nothing to compare with: no git repository, no
// commit yet, or no committed proto/ at that ref (a fresh repository or the first protos).
import { spawnSync } from 'node:child_process';
import { relative } from 'node:path';
import { libRoot, runBuf } from './buf';

function git(args: readonly string[]): { ok: boolean; out: string } {
  const result = spawnSync('git', args, { cwd: libRoot, encoding: 'utf8' });
  return { ok: !result.error && result.status === 0, out: (result.stdout ?? '').trim() };
}

function skip(reason: string): never {
  console.log(`proto breaking-change check skipped: ${reason}`);
  process.exit(0);
}

const chosen = process.env['PROTO_BREAKING_AGAINST'];
const against = chosen || 'HEAD';
const top = git(['rev-parse', '--show-toplevel']);
if (!top.ok) skip('libs/contracts is not inside a git repository');
if (!git(['rev-parse', '--verify', '--quiet', `${against}^{commit}`]).ok) {
  // A ref someone asked for must exist; only the default HEAD may be missing (no commit yet).
  if (chosen) {
    console.error(`PROTO_BREAKING_AGAINST names git ref "${chosen}", which does not exist`);
    process.exit(1);
  }
  skip('the repository has no commit yet');
}

const libPath = relative(top.out, libRoot).split('\\').join('/');
for (const committed of [`${libPath}/buf.yaml`, `${libPath}/proto`]) {
  if (!git(['cat-file', '-e', `${against}:${committed}`]).ok) skip(`${committed} is not committed at ${against} yet`);
}

const status = runBuf(['breaking', '--against', `${top.out}/.git#ref=${against},subdir=${libPath}`]);
if (status !== 0) {
  console.error(`breaking change in ${libPath}/proto against ${against}: publish a new package version (…/v2) instead of changing v1.`);
  process.exit(status);
}
console.log(`no breaking proto change against ${against}`);
