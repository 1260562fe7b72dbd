import { validate } from 'dockerfile-utils';

/** One Dockerfile instruction with continuation lines joined. */
export interface Instruction {
  readonly keyword: string;
  readonly args: string;
  readonly line: number;
}

/** Splits a Dockerfile into instructions (comments dropped, `\` continuations joined). */
export function instructions(content: string): Instruction[] {
  const out: Instruction[] = [];
  let pending: { text: string; line: number } | undefined;
  content.split('\n').forEach((raw, index) => {
    const line = raw.trimEnd();
    if (!pending && (line.trim() === '' || line.trim().startsWith('#'))) return;
    const text = line.endsWith('\\') ? line.slice(0, -1) : line;
    pending = pending ? { text: `${pending.text} ${text.trim()}`, line: pending.line } : { text: text.trim(), line: index + 1 };
    if (line.endsWith('\\')) return;
    const [keyword = '', ...rest] = pending.text.split(/\s+/);
    out.push({ keyword: keyword.toUpperCase(), args: rest.join(' '), line: pending.line });
    pending = undefined;
  });
  return out;
}

/**
 * The platform's rules for an image build, on top of dockerfile-utils' syntax checks: multi-stage,
 * pinned base images, a non-root user and tini in the final stage, no HEALTHCHECK (Kubernetes
 * probes instead), lean apt installs. Returns one message per finding, empty when clean.
 */
export function lintDockerfile(content: string): string[] {
  const problems = validate(content).map((d) => `line ${d.range.start.line + 1}: ${d.message}`);
  const all = instructions(content);
  const args = new Map(all.filter((i) => i.keyword === 'ARG' && i.args.includes('=')).map((i) => i.args.split('=', 2) as [string, string]));
  const stages = all.filter((i) => i.keyword === 'FROM');
  if (stages.length < 2) problems.push('must be a multi-stage build (build stage + small runtime stage)');
  const stageNames = new Set(stages.map((s) => /\bAS\s+(\S+)/i.exec(s.args)?.[1]).filter(Boolean));
  for (const from of stages) {
    const image = from.args.split(/\s+/)[0] ?? '';
    const resolved = image.replace(/^\$\{?(\w+)\}?$/, (_m, name: string) => args.get(name) ?? image);
    if (stageNames.has(resolved)) continue;
    if (!/:[\w][\w.-]*$/.test(resolved) || resolved.endsWith(':latest')) problems.push(`line ${from.line}: base image ${resolved} must be pinned to a version tag`);
  }
  const lastFrom = all.lastIndexOf(stages.at(-1)!);
  const runtime = all.slice(lastFrom);
  const users = runtime.filter((i) => i.keyword === 'USER');
  const user = users.at(-1)?.args.split(':')[0];
  if (!user || user === 'root' || user === '0') problems.push('the runtime stage must switch to a non-root USER');
  const entrypoint = runtime.filter((i) => i.keyword === 'ENTRYPOINT').at(-1);
  if (!entrypoint || !/tini/.test(entrypoint.args)) problems.push('the runtime stage must start through tini (signal forwarding, zombie reaping)');
  if (entrypoint && !entrypoint.args.trim().startsWith('[')) problems.push(`line ${entrypoint.line}: ENTRYPOINT must use the exec (JSON) form so signals reach the process`);
  for (const i of all) {
    if (i.keyword === 'HEALTHCHECK') problems.push(`line ${i.line}: no HEALTHCHECK, Kubernetes probes /healthz and /readyz`);
    if (i.keyword === 'ADD') problems.push(`line ${i.line}: use COPY, not ADD`);
    if (i.keyword === 'RUN' && /apt-get install/.test(i.args)) {
      if (!/--no-install-recommends/.test(i.args)) problems.push(`line ${i.line}: apt-get install needs --no-install-recommends`);
      if (!/rm -rf \/var\/lib\/apt\/lists/.test(i.args)) problems.push(`line ${i.line}: remove /var/lib/apt/lists in the same RUN`);
    }
    if (i.keyword === 'RUN' && /\bnpm install\b/.test(i.args)) problems.push(`line ${i.line}: use npm ci (the lock file) in image builds`);
  }
  return problems;
}
