import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { databaseNameFor, discoverServices, parseServiceManifest } from './service-discovery';

describe('databaseNameFor', () => {
  it('prefixes helpdesk_ and turns dashes into underscores', () => {
    expect(databaseNameFor('ticket')).toBe('helpdesk_ticket');
    expect(databaseNameFor('mail-gateway')).toBe('helpdesk_mail_gateway');
  });
});

describe('parseServiceManifest', () => {
  const dir = '/repo/services/sla';

  it('runs the start script when there is one, even with a main', () => {
    expect(parseServiceManifest('sla', dir, { main: 'dist/main.js', scripts: { start: 'node dist/main.js', test: 'jest' } })).toEqual({
      name: 'sla',
      dir,
      database: 'helpdesk_sla',
      packageName: 'sla',
      buildable: false,
      run: { kind: 'script', script: 'node dist/main.js' },
    });
  });

  it('knows the package name and whether Nx should build it first', () => {
    expect(parseServiceManifest('sla', dir, { name: '@helpdesk/sla', scripts: { start: 'node dist/main.js', build: 'tsc' } })).toMatchObject({
      packageName: '@helpdesk/sla',
      buildable: true,
    });
  });

  it('falls back to node <main>', () => {
    expect(parseServiceManifest('sla', dir, { main: 'dist/main.js', scripts: { test: 'jest' } })?.run).toEqual({ kind: 'main', main: 'dist/main.js' });
  });

  it.each([[{ scripts: { test: 'jest' } }], [{ scripts: { start: '  ' } }], [{ main: 3 }], [null], [[]], ['text']])('is not runnable: %j', (manifest) => {
    expect(parseServiceManifest('sla', dir, manifest)).toBeUndefined();
  });
});

describe('discoverServices', () => {
  let root: string;

  beforeEach(async () => {
    root = await mkdtemp(path.join(os.tmpdir(), 'discovery-'));
  });

  afterEach(async () => {
    await rm(root, { recursive: true, force: true });
  });

  async function folder(name: string, manifest?: string): Promise<void> {
    await mkdir(path.join(root, name));
    if (manifest !== undefined) await writeFile(path.join(root, name, 'package.json'), manifest);
  }

  it('finds the runnable folders, sorted by name', async () => {
    await folder('ticket', '{"scripts":{"start":"node main.js"}}');
    await folder('billing', '{"main":"main.js"}');
    await folder('docs');
    await folder('scaffold', '{"name":"scaffold"}');
    await writeFile(path.join(root, 'README.md'), 'not a service');

    const services = await discoverServices(root);

    expect(services.map((s) => [s.name, s.dir, s.database])).toEqual([
      ['billing', path.join(root, 'billing'), 'helpdesk_billing'],
      ['ticket', path.join(root, 'ticket'), 'helpdesk_ticket'],
    ]);
  });

  it('treats a missing services folder as no services', async () => {
    await expect(discoverServices(path.join(root, 'absent'))).resolves.toEqual([]);
  });

  it('names the file of an unreadable package.json', async () => {
    await folder('broken', '{ not json');

    await expect(discoverServices(root)).rejects.toThrow(`${path.join(root, 'broken', 'package.json')} is not valid JSON`);
  });
});
