/** The parts of a package-lock.json (v3) entry this tool reads and writes. */
export interface LockEntry {
  version?: string;
  optional?: boolean;
  dev?: boolean;
  peer?: boolean;
  link?: boolean;
  optionalDependencies?: Record<string, string>;
  [field: string]: unknown;
}

/** A package-lock.json, as far as this tool is concerned. */
export interface Lockfile {
  packages: Record<string, LockEntry>;
  [field: string]: unknown;
}

/** One entry added by {@link addMissingOptionalEntries}. */
export interface AddedEntry {
  location: string;
  version: string;
}

const EXACT_VERSION = /^\d+\.\d+\.\d+(-[0-9A-Za-z.-]+)?$/;

/**
 * Adds a lock entry for every optional dependency that the lock does not hold, pinned to the
 * exact version its parent asks for, flagged optional (and dev/peer like the parent).
 *
 * Why: npm drops optional platform binaries it cannot fetch (the registry mirror of this
 * workplace lacks e.g. `@swc/core-darwin-arm64`) from the lock, and `npm ci` then refuses the
 * lock as out of sync. With the entries present `npm ci` accepts it and skips the packages, as
 * it skips any optional package of another platform. Ranges are left alone (returned in
 * `skipped`): only an exact pin says which version the lock should name.
 */
export function addMissingOptionalEntries(lock: Lockfile): { added: AddedEntry[]; skipped: string[] } {
  const added: AddedEntry[] = [];
  const skipped: string[] = [];
  for (const [parentLocation, parent] of Object.entries(lock.packages)) {
    for (const [name, spec] of Object.entries(parent.optionalDependencies ?? {})) {
      if (resolves(lock, parentLocation, name, spec)) continue;
      if (!EXACT_VERSION.test(spec)) {
        skipped.push(`${name}@${spec} (optional dependency of ${parentLocation || 'the root'})`);
        continue;
      }
      const location = lock.packages[`node_modules/${name}`] === undefined ? `node_modules/${name}` : `${prefix(parentLocation)}node_modules/${name}`;
      lock.packages[location] = { version: spec, optional: true, ...(parent.dev ? { dev: true } : {}), ...(parent.peer ? { peer: true } : {}) };
      added.push({ location, version: spec });
    }
  }
  lock.packages = sortPackages(lock.packages);
  return { added, skipped };
}

/**
 * Whether Node's lookup from `parentLocation` finds `name` among the lock's locations, at
 * `spec` when that is an exact version (a range is taken as met by whatever is found).
 */
function resolves(lock: Lockfile, parentLocation: string, name: string, spec: string): boolean {
  let dir = parentLocation;
  for (;;) {
    const found = lock.packages[`${prefix(dir)}node_modules/${name}`];
    if (found !== undefined) return !EXACT_VERSION.test(spec) || found.version === spec;
    if (dir === '') return false;
    const cut = dir.lastIndexOf('/node_modules/');
    dir = cut === -1 ? '' : dir.slice(0, cut);
  }
}

function prefix(location: string): string {
  return location === '' ? '' : `${location}/`;
}

// npm writes the root entry first, then the locations in English collation order.
function sortPackages(packages: Record<string, LockEntry>): Record<string, LockEntry> {
  const keys = Object.keys(packages).sort((a, b) => (a === '' ? -1 : b === '' ? 1 : a.localeCompare(b, 'en')));
  return Object.fromEntries(keys.map((key) => [key, packages[key] as LockEntry]));
}
