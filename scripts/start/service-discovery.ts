import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';

/** A service the supervisor runs: one folder under `services/` with a runnable package.json. */
export interface ServiceSpec {
  /** Folder name; also the output tag and the base of the database name. */
  name: string;
  /** Absolute path of the service folder (the child's working directory). */
  dir: string;
  /** What to run: the package's `start` script through `sh -c`, or `node <main>`. */
  run: { kind: 'script'; script: string } | { kind: 'main'; main: string };
  /** The service's own database on the shared server, created when missing. */
  database: string;
  /** The npm package name (`@helpdesk/ticket`), for building it with Nx. */
  packageName: string;
  /** True when the package has a `build` script to run before it starts. */
  buildable: boolean;
}

/** Database name of a service: `helpdesk_` + the folder name with dashes as underscores. */
export function databaseNameFor(serviceName: string): string {
  return `helpdesk_${serviceName.replace(/-/g, '_')}`;
}

/**
 * Reads one service's package.json contents: a `start` script wins over `main`; a package with
 * neither (a library-like folder, or a service still being scaffolded) is not runnable.
 */
export function parseServiceManifest(name: string, dir: string, manifest: unknown): ServiceSpec | undefined {
  if (!isRecord(manifest)) return undefined;
  const scripts = manifest['scripts'];
  const start = isRecord(scripts) ? scripts['start'] : undefined;
  const main = manifest['main'];
  const packageName = typeof manifest['name'] === 'string' ? manifest['name'] : name;
  const buildable = isRecord(scripts) && typeof scripts['build'] === 'string';
  const base = { name, dir, database: databaseNameFor(name), packageName, buildable };
  if (typeof start === 'string' && start.trim() !== '') return { ...base, run: { kind: 'script', script: start } };
  if (typeof main === 'string' && main.trim() !== '') return { ...base, run: { kind: 'main', main } };
  return undefined;
}

/**
 * Finds the runnable services in `servicesDir` (sorted by name). A missing folder means no
 * services yet, not an error; an unreadable package.json is reported, since it is a typo to fix.
 */
export async function discoverServices(servicesDir: string): Promise<ServiceSpec[]> {
  const entries = await readdir(servicesDir, { withFileTypes: true }).catch((error: unknown) => {
    if (isNodeError(error) && error.code === 'ENOENT') return [];
    throw error;
  });
  const specs: ServiceSpec[] = [];
  for (const entry of entries.filter((e) => e.isDirectory()).sort((a, b) => a.name.localeCompare(b.name))) {
    const dir = path.join(servicesDir, entry.name);
    const manifest = await readManifest(path.join(dir, 'package.json'));
    const spec = manifest === undefined ? undefined : parseServiceManifest(entry.name, dir, manifest);
    if (spec) specs.push(spec);
  }
  return specs;
}

async function readManifest(file: string): Promise<unknown> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    if (isNodeError(error) && error.code === 'ENOENT') return undefined;
    throw error;
  }
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    throw new Error(`${file} is not valid JSON`, { cause: error });
  }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

// Duck-typed rather than `instanceof Error`: errors from another realm (a jest sandbox) fail that.
function isNodeError(error: unknown): error is NodeJS.ErrnoException {
  return typeof error === 'object' && error !== null && 'code' in error;
}
