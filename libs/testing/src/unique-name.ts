import { randomBytes } from 'node:crypto';

/** A short, lower-case, collision-resistant name part: `t_<label>_<8 hex>`. */
export function uniqueName(label = 'test'): string {
  const slug = label.toLowerCase().replace(/[^a-z0-9]+/g, '_').replace(/^_|_$/g, '').slice(0, 30) || 'test';
  return `t_${slug}_${randomBytes(4).toString('hex')}`;
}
