import { createConnection } from 'node:net';

/**
 * Polls until a server started by a test accepts connections on 127.0.0.1:`port` (a nats-server
 * with JetStream takes a moment on a busy machine). `died` stops the wait early when the process
 * has already exited, so a bad config fails at once instead of after 30 s.
 */
export async function waitForPort(port: number, died: () => boolean, attempts = 300): Promise<void> {
  for (let attempt = 0; attempt < attempts; attempt++) {
    if (died()) throw new Error(`the server for port ${port} exited before it listened`);
    if (await accepts(port)) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`port ${port} never opened`);
}

function accepts(port: number): Promise<boolean> {
  return new Promise<boolean>((resolve) => {
    const socket = createConnection({ port, host: '127.0.0.1' }, () => {
      socket.destroy();
      resolve(true);
    });
    socket.on('error', () => resolve(false));
  });
}
