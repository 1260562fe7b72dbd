import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/** What the fake endpoint answers to one chat-completions request (its parsed body). */
export type LlmBehaviour = (request: { model: string; messages: { role: string; content: string }[] }) => { delayMs?: number; status?: number; content?: string };

/** A real HTTP server speaking the OpenAI chat-completions shape, with a switchable behaviour. */
export interface FakeLlm {
  readonly url: string;
  readonly requests: { authorization: string | undefined; body: { model: string; messages: { role: string; content: string }[] } }[];
  behave(behaviour: LlmBehaviour): void;
  close(): Promise<void>;
}

export async function startFakeLlm(): Promise<FakeLlm> {
  let behaviour: LlmBehaviour = () => ({ content: 'NO_ANSWER' });
  const requests: FakeLlm['requests'] = [];
  const server: Server = createServer((req, res) => {
    void readBody(req).then((raw) => {
      const body = JSON.parse(raw) as FakeLlm['requests'][number]['body'];
      requests.push({ authorization: req.headers.authorization, body });
      const { delayMs = 0, status = 200, content = '' } = behaviour(body);
      const timer = setTimeout(() => {
        res.writeHead(status, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ id: 'chatcmpl-1', object: 'chat.completion', model: body.model, choices: [{ index: 0, finish_reason: 'stop', message: { role: 'assistant', content } }] }));
      }, delayMs);
      res.on('close', () => clearTimeout(timer));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/v1/chat/completions`,
    requests,
    behave: (next) => {
      behaviour = next;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}
