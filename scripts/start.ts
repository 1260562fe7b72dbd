// `npm start`: PostgreSQL, NATS and every service on this machine, for development. See
// scripts/README.md for what it starts, where it keeps data and how it stops.
import path from 'node:path';
import { shouldUseColour } from './start/output-prefix';
import { parseStartOptions, type StartOptions } from './start/start-options';
import { runSupervisor } from './start/supervisor';

async function main(): Promise<number> {
  const rootDir = path.resolve(__dirname, '..');
  let options: StartOptions;
  try {
    options = parseStartOptions(process.argv.slice(2), process.env, rootDir);
  } catch (error) {
    process.stderr.write(`start: ${error instanceof Error ? error.message : String(error)}\n`);
    return 2;
  }
  const colour = shouldUseColour(process.env, process.stdout.isTTY === true);
  return runSupervisor(options, { stdout: process.stdout, stderr: process.stderr, env: process.env, rootDir, colour });
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    process.stderr.write(`start: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exit(1);
  },
);
