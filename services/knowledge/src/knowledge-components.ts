import { uuidv7 } from '@helpdesk/messaging';
import type { Logger } from '@helpdesk/telemetry';
import { bucketedIds } from './articles/article-ids';
import { LiveBandIndex } from './cases/band-index/live-band-index';
import { CaseLearningService } from './cases/case-learning.service';
import type { KnowledgeConfig } from './config';
import { LlmSummariser } from './extraction/llm-summariser';
import { extractiveOnly, type Summariser } from './extraction/summariser';
import { LiveSearchIndex } from './search/impact-index/live-search-index';
import { PlanCandidates } from './search/impact-index/plan-candidates';
import { SearchEngine } from './search/search-engine';

/** The plain (framework-free) parts of the service, built once from the configuration. */
export interface KnowledgeComponents {
  readonly summariser: Summariser;
  readonly engine: SearchEngine;
  /** The in-memory search index (null with `KNOWLEDGE_SEARCH_INDEX=off`); started by the module. */
  readonly searchIndex: LiveSearchIndex | null;
  /** The near-duplicate check's LSH bands of every article; started by the module. */
  readonly bandIndex: LiveBandIndex;
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
  const searchIndex =
    config.KNOWLEDGE_SEARCH_INDEX === 'on'
      ? new LiveSearchIndex(
          undefined,
          (report) =>
            logger.info(
              report,
              `search index loaded: ${report.articles} articles in ${report.seconds.toFixed(1)} s, postings ${report.postingsMb.toFixed(0)} MB, packed impacts ${report.packedMb.toFixed(0)} MB, rss ${report.rssMb.toFixed(0)} MB`,
            ),
          (error) => logger.warn({ err: error }, 'search index: load or refresh failed; the SQL plan and the recent-rows check keep search correct'),
        )
      : null;
  const engine = new SearchEngine(searchIndex ? new PlanCandidates(searchIndex) : null);
  const bandIndex = new LiveBandIndex(
    (report) => logger.info(report, `near-duplicate bands loaded: ${report.articles} articles in ${report.seconds.toFixed(1)} s, ${report.mb.toFixed(0)} MB`),
    (error) => logger.warn({ err: error }, 'near-duplicate bands: load failed; the next resolved ticket tries again'),
  );
  const learning = new CaseLearningService(
    { extractedVisibility: config.KNOWLEDGE_EXTRACTED_VISIBILITY, duplicateSimilarity: config.KNOWLEDGE_DUPLICATE_SIMILARITY },
    summariser,
    // Runs of new articles share a search bucket, so their index pages stay in memory (see article-ids.ts).
    bucketedIds(uuidv7),
    bandIndex,
  );
  return { summariser, engine, searchIndex, bandIndex, learning };
}
