import { startFakeLlm, type FakeLlm } from '../../test/support/fake-llm';
import type { KnowledgeElement } from './knowledge-element';
import { LlmSummariser } from './llm-summariser';

const element: KnowledgeElement = {
  title: 'vpn 809',
  problem: 'client says 809',
  resolution: 'updated to 5.2',
  language: 'en',
  category: null,
  products: [],
  tags: [],
  sourceTicketId: '01936b2e-9a10-7b2c-8d3e-4f5a6b7c8d9e',
};
const passages = [{ articleId: 'a1', title: 'VPN 809', text: 'Update the client to 5.2.' }];

describe('LlmSummariser against a real chat-completions HTTP server', () => {
  let llm: FakeLlm;
  let failures: unknown[];
  let summariser: LlmSummariser;
  beforeAll(async () => {
    llm = await startFakeLlm();
  });
  afterAll(() => llm.close());
  beforeEach(() => {
    failures = [];
    summariser = new LlmSummariser({ url: llm.url, model: 'test-model', apiKey: 'sk-test', timeoutMs: 300 }, (error) => failures.push(error));
  });

  it('rewrites an element from a JSON reply (fenced or not), sending model, key and only the element text', async () => {
    llm.behave(() => ({ content: '```json\n{"title":"VPN error 809","problem":"The client reports 809.","resolution":"Update to 5.2."}\n```' }));
    expect(await summariser.rewriteElement(element)).toEqual({ title: 'VPN error 809', problem: 'The client reports 809.', resolution: 'Update to 5.2.' });
    const last = llm.requests.at(-1);
    expect(last?.authorization).toBe('Bearer sk-test');
    expect(last?.body.model).toBe('test-model');
    expect(last?.body.messages[1]?.content).toBe(JSON.stringify({ title: 'vpn 809', problem: 'client says 809', resolution: 'updated to 5.2' }));
  });

  it('answers with citations, and declines an answer without any or a NO_ANSWER', async () => {
    llm.behave(() => ({ content: 'Update the VPN client to 5.2 [1].' }));
    expect(await summariser.answer('How to fix 809?', passages)).toBe('Update the VPN client to 5.2 [1].');
    llm.behave(() => ({ content: 'Just reinstall Windows.' }));
    expect(await summariser.answer('How to fix 809?', passages)).toBeNull();
    llm.behave(() => ({ content: 'NO_ANSWER' }));
    expect(await summariser.answer('How to fix 809?', passages)).toBeNull();
    expect(await summariser.answer('anything', [])).toBeNull();
  });

  it('falls back (null) on a timeout, an HTTP error, a malformed reply, and reports each failure', async () => {
    llm.behave(() => ({ delayMs: 2_000, content: '{"title":"late","problem":"p","resolution":"r"}' }));
    expect(await summariser.rewriteElement(element)).toBeNull();
    llm.behave(() => ({ status: 500, content: 'boom' }));
    expect(await summariser.rewriteElement(element)).toBeNull();
    llm.behave(() => ({ content: 'not json at all' }));
    expect(await summariser.rewriteElement(element)).toBeNull();
    expect(failures).toHaveLength(3);
    expect(String(failures[0])).toMatch(/timeout|abort/i);
  });

  it('falls back when nothing listens', async () => {
    const nowhere = new LlmSummariser({ url: 'http://127.0.0.1:9/v1/chat/completions', model: 'm', apiKey: undefined, timeoutMs: 300 }, (error) => failures.push(error));
    expect(await nowhere.answer('q', passages)).toBeNull();
    expect(failures).toHaveLength(1);
  });
});
