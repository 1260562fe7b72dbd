import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { instructions, lintDockerfile } from '../src/images/lint-dockerfile';
import { SERVICES } from '../src/platform';

const ROOT = join(__dirname, '../..');
const DOCKERFILE = readFileSync(join(__dirname, '../images/Dockerfile'), 'utf8');

describe('image build', () => {
  it('lints clean: syntax, multi-stage, pinned base, non-root, tini, no HEALTHCHECK', () => {
    expect(lintDockerfile(DOCKERFILE)).toEqual([]);
  });

  it('builds the service named by SERVICE with npm ci and nx, and runs its dist/main.js', () => {
    const steps = instructions(DOCKERFILE);
    const runs = steps.filter((s) => s.keyword === 'RUN').map((s) => s.args).join('\n');
    expect(runs).toMatch(/npm ci/);
    expect(runs).toMatch(/nx run "@helpdesk\/\$\{SERVICE\}:build"/);
    expect(runs).toMatch(/npm ci --omit=dev .*--workspace "@helpdesk\/\$\{SERVICE\}"/);
    expect(steps.filter((s) => s.keyword === 'ENTRYPOINT').at(-1)?.args).toBe('["/usr/bin/tini", "--", "node", "--enable-source-maps", "dist/main.js"]');
  });

  it.each(SERVICES.map((s) => [s.name]))('fits service %s: build, start and migrate scripts over dist/main.js', (name) => {
    const pkg = JSON.parse(readFileSync(join(ROOT, 'services', name, 'package.json'), 'utf8')) as { name: string; scripts: Record<string, string> };
    expect(pkg.name).toBe(`@helpdesk/${name}`);
    expect(pkg.scripts).toMatchObject({ build: expect.any(String), start: expect.stringContaining('dist/main.js'), migrate: 'node dist/main.js migrate' });
  });

  it('keeps dependencies, build output and local data out of the build context', () => {
    const ignore = readFileSync(join(__dirname, '../images/Dockerfile.dockerignore'), 'utf8').split('\n');
    expect(ignore).toEqual(expect.arrayContaining(['**/node_modules', '**/dist', '.git', '.data', '.env']));
    expect(existsSync(join(ROOT, 'package-lock.json'))).toBe(true);
  });

  it('finds what the rules forbid', () => {
    const bad = ['FROM node', 'HEALTHCHECK CMD curl -f http://localhost:8081/healthz', 'RUN apt-get install -y tini', 'ADD . /app', 'RUN npm install', 'USER root', 'ENTRYPOINT node main.js', 'FRM x'].join('\n');
    const problems = lintDockerfile(bad).join('\n');
    expect(problems).toMatch(/multi-stage/);
    expect(problems).toMatch(/base image node must be pinned/);
    expect(problems).toMatch(/no HEALTHCHECK/);
    expect(problems).toMatch(/--no-install-recommends/);
    expect(problems).toMatch(/use COPY, not ADD/);
    expect(problems).toMatch(/use npm ci/);
    expect(problems).toMatch(/non-root USER/);
    expect(problems).toMatch(/tini/);
    expect(problems).toMatch(/line 8: .*FRM/i);
  });
});
