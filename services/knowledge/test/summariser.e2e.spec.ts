import { expectEventually } from '@helpdesk/testing';
import { startFakeLlm, type FakeLlm } from './support/fake-llm';
import { startKnowledgeApp, type KnowledgeApp } from './support/knowledge-app';
import { publish, resolved, ticketSnapshot } from './support/ticket-events';

interface AskResponse {
  answer: string;
  passages: { articleId: string; text: string }[];
  summarised: boolean;
}

describe('the optional summariser (KNOWLEDGE_LLM_URL) with the built service', () => {
  let llm: FakeLlm;
  let app: KnowledgeApp;
  beforeAll(async () => {
    llm = await startFakeLlm();
    app = await startKnowledgeApp('knowledge-llm', { KNOWLEDGE_LLM_URL: llm.url, KNOWLEDGE_LLM_TIMEOUT: '500ms' });
  });
  afterAll(async () => {
    await app.stop();
    await llm.close();
  });

  it('phrases extracted articles and answers, and falls back to the extractive text when it is too slow', async () => {
    llm.behave((request) =>
      request.messages[0]?.content.startsWith('You edit')
        ? { content: '{"title":"Scanner cannot send mail","problem":"The copier no longer sends scans by mail.","resolution":"Switch the SMTP relay to port 587 with STARTTLS."}' }
        : { content: 'Switch the SMTP relay to port 587 [1].' },
    );
    const ticket = ticketSnapshot({ summary: 'scan2mail kaputt' });
    await publish(app.nats, resolved(ticket, { resolution: 'smtp relay 587 starttls', problem: 'scans do not arrive by mail', language: 'en' }));
    await expectEventually(async () => {
      const { hits } = await app.knowledge.call<{ hits: { title: string }[] }>('Search', { query: 'scanner mail' }, app.tokens.agent);
      expect(hits.map((h) => h.title)).toEqual(['Scanner cannot send mail']);
    }, { timeoutMs: 45_000 });

    const phrased = await app.knowledge.call<AskResponse>('Ask', { question: 'scanner cannot send mail' }, app.tokens.agent);
    expect(phrased).toMatchObject({ summarised: true, answer: 'Switch the SMTP relay to port 587 [1].' });

    llm.behave(() => ({ delayMs: 3_000, content: 'too late [1]' }));
    const fallback = await app.knowledge.call<AskResponse>('Ask', { question: 'scanner cannot send mail' }, app.tokens.agent);
    expect(fallback).toMatchObject({ summarised: false, answer: 'Switch the SMTP relay to port 587 with STARTTLS.' });
  }, 90_000);
});
