// Run after every `npm install` that rewrites package-lock.json (until the registry mirror serves
// all platform binaries): `node --import tsx scripts/complete-lockfile.ts`. Adds the lock entries
// for optional platform packages npm could not fetch, without which `npm ci` rejects the lock.
// See lockfile/optional-platform-entries.ts.
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { addMissingOptionalEntries, type Lockfile } from './lockfile/optional-platform-entries';

const file = path.resolve(__dirname, '..', 'package-lock.json');
const lock = JSON.parse(readFileSync(file, 'utf8')) as Lockfile;
const { added, skipped } = addMissingOptionalEntries(lock);
for (const entry of added) process.stdout.write(`added ${entry.location}@${entry.version}\n`);
for (const entry of skipped) process.stderr.write(`skipped ${entry}: not an exact version\n`);
if (added.length > 0) writeFileSync(file, `${JSON.stringify(lock, null, 2)}\n`);
process.stdout.write(`${added.length} entr${added.length === 1 ? 'y' : 'ies'} added to ${path.relative(process.cwd(), file) || file}\n`);
