// `npm run -s dev-token [-- <role> [<subject>]]`: prints a bearer token for the services that
// `npm start` runs, e.g. `export TOKEN=$(npm run -s dev-token)`. See scripts/README.md.
import { devToken } from './start/dev-token';

devToken(process.argv.slice(2), process.env).then(
  (token) => process.stdout.write(`${token}\n`),
  (error: unknown) => {
    process.stderr.write(`dev-token: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 2;
  },
);
