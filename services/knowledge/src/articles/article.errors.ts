import { DomainError } from '@helpdesk/grpc';

export type ArticleErrorCode = 'ARTICLE_NOT_FOUND' | 'REVISION_CONFLICT' | 'CUSTOMER_NOT_ALLOWED';

/** An article operation that cannot be done; mapped to a gRPC status in errors/knowledge-error.map.ts. */
export class ArticleError extends DomainError<ArticleErrorCode> {}

export const articleNotFound = (id: string) => new ArticleError('ARTICLE_NOT_FOUND', `article ${id} not found`);
export const revisionConflict = (expected: number, actual: number) =>
  new ArticleError('REVISION_CONFLICT', `article is at revision ${actual}, not ${expected}: reload and retry`);
