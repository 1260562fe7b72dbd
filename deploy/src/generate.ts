import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { renderConfigReference } from './docs/config-reference';
import { generatedFiles } from './generated-files';

/** Writes the generated manifests and NATS files under deploy/ (run after changing the generator). */
const root = join(__dirname, '..');
for (const [path, content] of generatedFiles()) {
  mkdirSync(dirname(join(root, path)), { recursive: true });
  writeFileSync(join(root, path), content);
  process.stdout.write(`wrote deploy/${path}\n`);
}

// Not checked by the tests like the files above: it follows the services' schemas, which change
// with every feature; regenerate it with them.
writeFileSync(join(root, 'CONFIGURATION.md'), renderConfigReference(join(root, '..')));
process.stdout.write('wrote deploy/CONFIGURATION.md\n');
