import { spawn } from 'node:child_process';

/** Identity a command runs as; see {@link postgresIdentity}. */
export interface RunAs {
  uid: number;
  gid: number;
}

/** Result of a finished command: its exit code and everything it wrote. */
export interface CommandResult {
  code: number | null;
  output: string;
}

/** Runs a command to completion, collecting stdout and stderr together (for error messages). */
export function runCommand(file: string, args: readonly string[], options: { cwd?: string; runAs?: RunAs } = {}): Promise<CommandResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(file, args, {
      cwd: options.cwd,
      stdio: ['ignore', 'pipe', 'pipe'],
      ...(options.runAs ?? {}),
    });
    let output = '';
    const collect = (chunk: Buffer): void => {
      output += chunk.toString('utf8');
    };
    child.stdout.on('data', collect);
    child.stderr.on('data', collect);
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, output }));
  });
}

/** The last `count` non-empty lines of `text`, indented, for a failure message. */
export function tail(text: string, count = 8): string {
  const lines = text.split('\n').filter((line) => line.trim() !== '');
  return lines.slice(-count).map((line) => `    ${line}`).join('\n');
}
