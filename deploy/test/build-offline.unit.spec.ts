import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { instructions } from '../src/images/lint-dockerfile';

// The real build and run is opt-in (`npm run image:check`, root, minutes); this only keeps the
// scripts well-formed and wired to the Dockerfile they build.
const IMAGES = join(__dirname, '../images');
const read = (name: string): string => readFileSync(join(IMAGES, name), 'utf8');

describe('offline image build scripts', () => {
  it.each([['build-offline.sh'], ['check-image.sh']])('%s is valid bash', (name) => {
    expect(() => execFileSync('bash', ['-n', join(IMAGES, name)])).not.toThrow();
  });

  it('passes the ignore file buildah 1.28 would not find by itself, the base image and the service', () => {
    const script = read('build-offline.sh');
    expect(script).toMatch(/--ignorefile deploy\/images\/Dockerfile\.dockerignore/);
    expect(script).toMatch(/--build-arg NODE_IMAGE="\$BASE_IMAGE"/);
    expect(script).toMatch(/--build-arg SERVICE="\$SERVICE"/);
    expect(script).toMatch(/--isolation chroot/);
  });

  it('checks the running image read-only, as user 1000, and its health endpoints', () => {
    const script = read('check-image.sh');
    expect(script).toMatch(/--read-only --user 1000:1000/);
    expect(script).toMatch(/\/readyz/);
    expect(script).toMatch(/\/healthz/);
    expect(script).toMatch(/--signal TERM/);
  });

  it('lets both npm ci stages use a registry mirror, defaulting to the public registry', () => {
    const steps = instructions(read('Dockerfile'));
    const registryArgs = steps.filter((s) => s.keyword === 'ARG' && s.args.startsWith('NPM_CONFIG_REGISTRY='));
    expect(registryArgs.map((s) => s.args)).toEqual(['NPM_CONFIG_REGISTRY=https://registry.npmjs.org/', 'NPM_CONFIG_REGISTRY=https://registry.npmjs.org/']);
  });

  it('keeps the image check out of npm test', () => {
    const pkg = JSON.parse(readFileSync(join(__dirname, '../package.json'), 'utf8')) as { scripts: Record<string, string> };
    expect(pkg.scripts['image:check']).toBe('bash images/build-offline.sh ticket --check');
    expect(pkg.scripts['test']).not.toMatch(/image|build-offline/);
  });
});
