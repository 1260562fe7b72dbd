import { readConfigVariables } from './config-reference';

describe('configuration reference', () => {
  it('reads names, defaults and the JSDoc meaning from a schema source', () => {
    const source = [
      'export const schema = serviceConfigSchema({ grpc: 1, http: 2 }).extend({',
      '  /** Prefix of the number (`T-` → `T-100000`). */',
      "  PREFIX: z.string().regex(/^[A-Z-]{0,10}$/, { message: 'must be letters' }).default('T-'),",
      '  /**',
      '   * Largest attachment,',
      '   * in bytes.',
      '   */',
      '  MAX_BYTES: positiveInt()',
      '    .refine((b) => b <= 10, { message: `too big` })',
      '    .default(25 * 1024 * 1024),',
      '  /** Where traces go; unset disables export. */',
      '  OTLP: httpUrl().optional(),',
      '  LOG_LEVEL: logLevel(),',
      '});',
    ].join('\n');
    expect(readConfigVariables(source)).toEqual([
      { name: 'PREFIX', default: "'T-'", meaning: 'Prefix of the number (`T-` → `T-100000`).' },
      { name: 'MAX_BYTES', default: '25 * 1024 * 1024', meaning: 'Largest attachment, in bytes.' },
      { name: 'OTLP', default: 'unset', meaning: 'Where traces go; unset disables export.' },
      { name: 'LOG_LEVEL', default: 'required', meaning: '' },
    ]);
  });
});
