import { addMissingOptionalEntries, type Lockfile } from './optional-platform-entries';

function lockWith(packages: Lockfile['packages']): Lockfile {
  return { name: 'root', lockfileVersion: 3, packages };
}

describe('addMissingOptionalEntries', () => {
  it('adds exact-pinned optional dependencies the lock lacks, flagged like their parent', () => {
    const lock = lockWith({
      '': { name: 'root' },
      'node_modules/@swc/core': { version: '1.16.22', dev: true, optionalDependencies: { '@swc/core-linux-x64-gnu': '1.16.22', '@swc/core-darwin-arm64': '1.16.22' } },
      'node_modules/@swc/core-linux-x64-gnu': { version: '1.16.22', dev: true, optional: true },
    });

    const result = addMissingOptionalEntries(lock);

    expect(result).toEqual({ added: [{ location: 'node_modules/@swc/core-darwin-arm64', version: '1.16.22' }], skipped: [] });
    expect(lock.packages['node_modules/@swc/core-darwin-arm64']).toEqual({ version: '1.16.22', optional: true, dev: true });
    expect(Object.keys(lock.packages)).toEqual(['', 'node_modules/@swc/core', 'node_modules/@swc/core-darwin-arm64', 'node_modules/@swc/core-linux-x64-gnu']);
  });

  it('finds dependencies the way Node does: nested first, then up to the root', () => {
    const lock = lockWith({
      '': {},
      'libs/a': { optionalDependencies: { bin: '2.0.0' } },
      'node_modules/bin': { version: '2.0.0', optional: true },
      'node_modules/x': { optionalDependencies: { bin: '1.0.0' } },
      'node_modules/x/node_modules/bin': { version: '1.0.0', optional: true },
    });

    expect(addMissingOptionalEntries(lock).added).toEqual([]);
  });

  it('nests the entry under its parent when the root location holds another version', () => {
    const lock = lockWith({
      '': {},
      'node_modules/x': { optionalDependencies: { 'bin-darwin': '1.0.0' } },
      'node_modules/y': { optionalDependencies: { 'bin-darwin': '1.1.0' } },
    });

    const { added } = addMissingOptionalEntries(lock);

    expect(added).toEqual([
      { location: 'node_modules/bin-darwin', version: '1.0.0' },
      { location: 'node_modules/y/node_modules/bin-darwin', version: '1.1.0' },
    ]);
  });

  it('leaves ranges alone and reports them', () => {
    const lock = lockWith({ '': {}, 'node_modules/x': { optionalDependencies: { fsevents: '^2.3.0' } } });

    expect(addMissingOptionalEntries(lock)).toEqual({ added: [], skipped: ['fsevents@^2.3.0 (optional dependency of node_modules/x)'] });
  });
});
