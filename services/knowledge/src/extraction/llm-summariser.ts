import { z } from 'zod';
import type { KnowledgeElement } from './knowledge-element';
import type { AnswerPassage, Summariser } from './summariser';

/** Where and how to reach an OpenAI-compatible chat-completions endpoint. */
export interface LlmSettings {
  /** The full endpoint URL, e.g. `http://127.0.0.1:11434/v1/chat/completions`. */
  readonly url: string;
  readonly model: string;
  readonly apiKey: string | undefined;
  /** Milliseconds before a request is abandoned and the extractive result kept. */
  readonly timeoutMs: number;
}

/** Failures are reported here (logged by the caller), never thrown: the fallback is the extractive text. */
export type LlmFailureListener = (error: unknown) => void;

const completionSchema = z.object({
  choices: z.array(z.object({ message: z.object({ content: z.string().min(1) }) })).min(1),
});
const rewriteSchema = z.object({ title: z.string().min(1).max(300), problem: z.string().min(1), resolution: z.string().min(1) });

const REWRITE_PROMPT =
  'You edit support knowledge articles. Rewrite the given title, problem and resolution as a clear, short article in the same language. Use only facts from the input. Reply with JSON {"title":…,"problem":…,"resolution":…} and nothing else.';
const ANSWER_PROMPT =
  'Answer the question using only the numbered passages. Cite every statement with the passage number in brackets, e.g. [1]. If the passages do not answer the question, reply with exactly NO_ANSWER. Answer in the language of the question.';

/** A {@link Summariser} on an OpenAI-compatible chat-completions endpoint, with a timeout. */
export class LlmSummariser implements Summariser {
  constructor(
    private readonly settings: LlmSettings,
    private readonly onFailure: LlmFailureListener = () => undefined,
  ) {}

  async rewriteElement(element: KnowledgeElement): Promise<Pick<KnowledgeElement, 'title' | 'problem' | 'resolution'> | null> {
    const input = JSON.stringify({ title: element.title, problem: element.problem, resolution: element.resolution });
    const content = await this.complete(REWRITE_PROMPT, input);
    if (content === null) return null;
    const parsed = rewriteSchema.safeParse(parseJson(stripFence(content)));
    if (!parsed.success) {
      this.onFailure(new Error('summariser reply is not the requested JSON'));
      return null;
    }
    return parsed.data;
  }

  async answer(question: string, passages: readonly AnswerPassage[]): Promise<string | null> {
    if (passages.length === 0) return null;
    const numbered = passages.map((p, i) => `[${i + 1}] ${p.title}: ${p.text}`).join('\n');
    const content = await this.complete(ANSWER_PROMPT, `Passages:\n${numbered}\n\nQuestion: ${question}`);
    if (content === null || content.trim() === 'NO_ANSWER' || !/\[\d+\]/.test(content)) return null;
    return content.trim();
  }

  private async complete(system: string, user: string): Promise<string | null> {
    try {
      const response = await fetch(this.settings.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...(this.settings.apiKey ? { authorization: `Bearer ${this.settings.apiKey}` } : {}) },
        body: JSON.stringify({ model: this.settings.model, temperature: 0, messages: [{ role: 'system', content: system }, { role: 'user', content: user }] }),
        signal: AbortSignal.timeout(this.settings.timeoutMs),
      });
      if (!response.ok) throw new Error(`summariser answered HTTP ${response.status}`);
      const parsed = completionSchema.safeParse(await response.json());
      if (!parsed.success) throw new Error('summariser reply is not a chat completion');
      return parsed.data.choices[0]?.message.content ?? null;
    } catch (error) {
      this.onFailure(error);
      return null;
    }
  }
}

function stripFence(content: string): string {
  return content.trim().replace(/^```(?:json)?\s*/i, '').replace(/```$/, '').trim();
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
