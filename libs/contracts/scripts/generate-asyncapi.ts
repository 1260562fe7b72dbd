// Writes libs/contracts/asyncapi.json from the event registry. Run through `npm run generate`
// (node --conditions=@helpdesk/source --import tsx scripts/generate-asyncapi.ts).
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { renderAsyncApiDocument } from '../src/asyncapi/render-asyncapi';

const libRoot = join(__dirname, '..');
const { version } = JSON.parse(readFileSync(join(libRoot, 'package.json'), 'utf8')) as { version: string };
const target = join(libRoot, 'asyncapi.json');
writeFileSync(target, renderAsyncApiDocument(version));
console.log(`wrote ${target}`);
