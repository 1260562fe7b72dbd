import type { Metadata } from '@grpc/grpc-js';
import { knowledgeV1 } from '@helpdesk/contracts';
import { GrpcController, GrpcServiceMethods, Roles, callerFrom, parseRequest } from '@helpdesk/grpc';
import { Inject } from '@nestjs/common';
import {
  createArticleRequestSchema,
  encodeCursor,
  getArticleRequestSchema,
  listArticlesRequestSchema,
  publishArticleRequestSchema,
  toArticleMessage,
  updateArticleRequestSchema,
} from './article.grpc-mapper';
import { ArticlesService } from './articles.service';

/** The article lifecycle RPCs of `helpdesk.knowledge.v1.KnowledgeService`. */
export const ARTICLE_RPCS = ['createArticle', 'updateArticle', 'publishArticle', 'getArticle', 'listArticles'] as const satisfies readonly (keyof knowledgeV1.KnowledgeServiceController)[];

/** Staff write and publish articles; everyone reads, a customer only what is published for customers. */
@GrpcController()
@GrpcServiceMethods(knowledgeV1.KNOWLEDGE_SERVICE_NAME, ARTICLE_RPCS)
export class ArticlesGrpcController implements Pick<knowledgeV1.KnowledgeServiceController, (typeof ARTICLE_RPCS)[number]> {
  constructor(@Inject(ArticlesService) private readonly articles: ArticlesService) {}

  @Roles('admin', 'agent')
  async createArticle(request: knowledgeV1.CreateArticleRequest, metadata: Metadata): Promise<knowledgeV1.CreateArticleResponse> {
    const caller = callerFrom(metadata);
    const { article } = parseRequest(createArticleRequestSchema, request);
    return { article: toArticleMessage(await this.articles.create(caller, article)) };
  }

  @Roles('admin', 'agent')
  async updateArticle(request: knowledgeV1.UpdateArticleRequest, metadata: Metadata): Promise<knowledgeV1.UpdateArticleResponse> {
    const caller = callerFrom(metadata);
    const { id, expectedRevision, article } = parseRequest(updateArticleRequestSchema, request);
    return { article: toArticleMessage(await this.articles.update(caller, id, expectedRevision, article)) };
  }

  @Roles('admin', 'agent')
  async publishArticle(request: knowledgeV1.PublishArticleRequest, metadata: Metadata): Promise<knowledgeV1.PublishArticleResponse> {
    const caller = callerFrom(metadata);
    const { id, expectedRevision } = parseRequest(publishArticleRequestSchema, request);
    return { article: toArticleMessage(await this.articles.publish(caller, id, expectedRevision)) };
  }

  @Roles('admin', 'agent', 'integration', 'customer')
  async getArticle(request: knowledgeV1.GetArticleRequest, metadata: Metadata): Promise<knowledgeV1.GetArticleResponse> {
    const caller = callerFrom(metadata);
    const { id } = parseRequest(getArticleRequestSchema, request);
    return { article: toArticleMessage(await this.articles.get(caller, id)) };
  }

  @Roles('admin', 'agent', 'integration', 'customer')
  async listArticles(request: knowledgeV1.ListArticlesRequest, metadata: Metadata): Promise<knowledgeV1.ListArticlesResponse> {
    const caller = callerFrom(metadata);
    const { size, after, filter } = parseRequest(listArticlesRequestSchema, request);
    const page = await this.articles.list(caller, filter, after, size);
    return { articles: page.items.map(toArticleMessage), page: { nextPageToken: page.next ? encodeCursor(page.next) : '' } };
  }
}
