import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { runCommand } from './run-command';
import type { ServiceSpec } from './service-discovery';

/**
 * Compiles the services that have a `build` script, and the libs they use, with one Nx run before
 * anything starts: services run their compiled `dist/` as in production, and Nx's cache makes a
 * second `npm start` build nothing.
 */
export async function buildServices(rootDir: string, services: readonly ServiceSpec[], log: (line: string) => void): Promise<void> {
  const buildable = services.filter((s) => s.buildable);
  if (buildable.length === 0) return;
  log(`building    ${buildable.map((s) => s.name).join(', ')} (nx run-many -t build)`);
  const nx = join(rootDir, 'node_modules', '.bin', 'nx');
  const file = existsSync(nx) ? nx : 'npx';
  const args = [...(file === 'npx' ? ['nx'] : []), 'run-many', '-t', 'build', `--projects=${buildable.map((s) => s.packageName).join(',')}`, '--outputStyle=static'];
  const result = await runCommand(file, args, { cwd: rootDir });
  if (result.code !== 0) throw new Error(`building the services failed:\n${result.output.trim()}`);
}
