import { join } from 'node:path';

/**
 * The import root of the platform's `.proto` files (`<lib>/proto`), e.g. for
 * `protoPath: 'helpdesk/ticket/v1/ticket.proto'` with `includeDirs: [PROTO_ROOT]`. Resolves the
 * same from `src/` (source condition) and from `dist/`, which both sit one level below the lib.
 */
export const PROTO_ROOT: string = join(__dirname, '..', 'proto');
