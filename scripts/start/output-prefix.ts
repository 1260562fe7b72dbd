// Foreground colours that read on dark and light terminals; red is left out because it reads as
// an error, and the supervisor's own tag keeps the terminal's default colour.
const COLOURS = ['36', '33', '32', '35', '34', '96', '93', '92', '95', '94'] as const;

/** How output tags are drawn. */
export interface TagStyle {
  /** Width the name is padded to, so that the lines of all processes start in one column. */
  width: number;
  /** Whether to wrap tags in ANSI colour codes. */
  colour: boolean;
}

/**
 * Builds the `[name] ` prefix of a process, padded to `style.width` and coloured by `index`
 * (the position of the process, so that neighbours differ).
 */
export function formatTag(name: string, index: number, style: TagStyle): string {
  const tag = `[${name}]`.padEnd(style.width + 2);
  if (!style.colour) return `${tag} `;
  const code = COLOURS[index % COLOURS.length];
  return `\u001b[${code}m${tag}\u001b[0m `;
}

/** The tag width that fits every name in `names`. */
export function tagWidth(names: readonly string[]): number {
  return Math.max(0, ...names.map((name) => name.length));
}

/**
 * Whether to colour output: never with `NO_COLOR` set (https://no-color.org), always with
 * `FORCE_COLOR` set to anything but `0`, otherwise only on a terminal.
 */
export function shouldUseColour(env: NodeJS.ProcessEnv, isTTY: boolean): boolean {
  if (env['NO_COLOR'] !== undefined && env['NO_COLOR'] !== '') return false;
  if (env['FORCE_COLOR'] !== undefined) return env['FORCE_COLOR'] !== '0';
  return isTTY;
}
