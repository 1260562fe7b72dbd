import { uuidv7 } from '@helpdesk/messaging';
import type { Logger } from '@helpdesk/telemetry';
import { CaseLearningService } from './cases/case-learning.service';
import type { KnowledgeConfig } from './config';
import { LlmSummariser } from './extraction/llm-summariser';
import { extractiveOnly, type Summariser } from './extraction/summariser';
import { SearchEngine } from './search/search-engine';

/** The plain (framework-free) parts of the service, built once from the configuration. */
export interface KnowledgeComponents {
  readonly summariser: Summariser;
  readonly engine: SearchEngine;
  readonly learning: CaseLearningService;
}

/** Builds the components; the summariser is the LLM one only when `KNOWLEDGE_LLM_URL` is set. */
export function knowledgeComponents(config: KnowledgeConfig, logger: Logger): KnowledgeComponents {
  const summariser: Summariser = config.KNOWLEDGE_LLM_URL
    ? new LlmSummariser(
        { url: config.KNOWLEDGE_LLM_URL, model: config.KNOWLEDGE_LLM_MODEL, apiKey: config.KNOWLEDGE_LLM_API_KEY, timeoutMs: config.KNOWLEDGE_LLM_TIMEOUT },
        (error) => logger.warn({ err: error }, 'summariser failed; keeping the extractive text'),
      )
    : extractiveOnly;
  const engine = new SearchEngine();
  const learning = new CaseLearningService(
    { extractedVisibility: config.KNOWLEDGE_EXTRACTED_VISIBILITY, duplicateSimilarity: config.KNOWLEDGE_DUPLICATE_SIMILARITY },
    summariser,
    uuidv7,
  );
  return { summariser, engine, learning };
}
