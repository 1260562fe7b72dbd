// Runs the buf CLI of the @bufbuild/buf npm package in libs/contracts, where buf.yaml lives.
import { spawnSync } from 'node:child_process';
import { dirname, join } from 'node:path';

/** libs/contracts. */
export const libRoot = join(__dirname, '..');

const bufBin = join(dirname(require.resolve('@bufbuild/buf/package.json')), 'bin', 'buf');

/** Runs `buf <args>` in libs/contracts with inherited output; returns the exit status. */
export function runBuf(args: readonly string[]): number {
  const result = spawnSync(process.execPath, [bufBin, ...args], { cwd: libRoot, stdio: 'inherit' });
  if (result.error) throw result.error;
  return result.status ?? 1;
}
