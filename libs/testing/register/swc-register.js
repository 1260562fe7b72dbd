// Lets a plain `node` process run a service from its TypeScript sources, compiled by swc with
// the workspace's .swcrc (the same compiler and options as the tests), so an end-to-end spec can
// start a peer service in its own process without a build (see src/service-from-sources.ts).
const fs = require('node:fs');
const path = require('node:path');
const Module = require('node:module');
const { transformSync } = require('@swc/core');

const root = path.resolve(__dirname, '../../..');
const swcrc = JSON.parse(fs.readFileSync(path.join(root, '.swcrc'), 'utf8'));
const options = { ...swcrc, swcrc: false, module: { type: 'commonjs' }, sourceMaps: 'inline' };

Module._extensions['.ts'] = (module, filename) => {
  const { code } = transformSync(fs.readFileSync(filename, 'utf8'), { ...options, filename });
  module._compile(code, filename);
};
