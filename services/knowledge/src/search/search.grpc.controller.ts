import type { Metadata } from '@grpc/grpc-js';
import { knowledgeV1 } from '@helpdesk/contracts';
import { GrpcController, GrpcServiceMethods, Roles, callerFrom, parseRequest } from '@helpdesk/grpc';
import { Inject } from '@nestjs/common';
import { askRequestSchema, searchRequestSchema, suggestRequestSchema, toAskResponse, toSearchResponse, toSuggestionMessage } from './search.grpc-mapper';
import { SearchService } from './search.service';

/** The search RPCs of `helpdesk.knowledge.v1.KnowledgeService`. */
export const SEARCH_RPCS = ['search', 'suggestForTicket', 'ask'] as const satisfies readonly (keyof knowledgeV1.KnowledgeServiceController)[];

/** Search and Ask are open to customers (scoped to published customer articles); suggestions are for staff. */
@GrpcController()
@GrpcServiceMethods(knowledgeV1.KNOWLEDGE_SERVICE_NAME, SEARCH_RPCS)
export class SearchGrpcController implements Pick<knowledgeV1.KnowledgeServiceController, (typeof SEARCH_RPCS)[number]> {
  constructor(@Inject(SearchService) private readonly searches: SearchService) {}

  @Roles('admin', 'agent', 'integration', 'customer')
  async search(request: knowledgeV1.SearchRequest, metadata: Metadata): Promise<knowledgeV1.SearchResponse> {
    const caller = callerFrom(metadata);
    const { query, limit, ...filters } = parseRequest(searchRequestSchema, request);
    return toSearchResponse(await this.searches.search(caller, query, { ...filters, publishedOnly: false }, limit));
  }

  @Roles('admin', 'agent', 'integration')
  async suggestForTicket(request: knowledgeV1.SuggestForTicketRequest, metadata: Metadata): Promise<knowledgeV1.SuggestForTicketResponse> {
    callerFrom(metadata);
    const { text, limit } = parseRequest(suggestRequestSchema, request);
    return { suggestions: (await this.searches.suggest(text, limit)).map(toSuggestionMessage) };
  }

  @Roles('admin', 'agent', 'integration', 'customer')
  async ask(request: knowledgeV1.AskRequest, metadata: Metadata): Promise<knowledgeV1.AskResponse> {
    const caller = callerFrom(metadata);
    const { question } = parseRequest(askRequestSchema, request);
    return toAskResponse(await this.searches.ask(caller, question));
  }
}
