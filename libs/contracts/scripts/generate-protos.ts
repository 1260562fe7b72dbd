// Regenerates src/generated from proto/ with ts-proto (buf.gen.yaml). Part of `npm run generate`.
import { libRoot, runBuf } from './buf';

const status = runBuf(['generate']);
if (status !== 0) process.exit(status);
console.log(`generated TypeScript from ${libRoot}/proto into src/generated`);
