import { createServer } from 'node:net';

/**
 * A TCP port free on 127.0.0.1 right now. For servers that cannot report the port they bound
 * (Nest's gRPC transport), so the test picks one up front; a tiny race remains, as everywhere.
 */
export async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  if (address === null || typeof address === 'string') throw new Error('could not find a free port');
  return address.port;
}
