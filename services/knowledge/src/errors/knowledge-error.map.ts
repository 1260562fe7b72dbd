import { status } from '@grpc/grpc-js';
import type { DomainErrorMapper, GrpcStatusMapping } from '@helpdesk/grpc';
import { ArticleError, type ArticleErrorCode } from '../articles/article.errors';

/**
 * The gRPC status of each knowledge error code. An article a customer may not see is NOT_FOUND,
 * like one that does not exist; a stale `expected_revision` is ABORTED (reload and retry).
 */
export function knowledgeErrorStatus(code: ArticleErrorCode): status {
  switch (code) {
    case 'ARTICLE_NOT_FOUND':
      return status.NOT_FOUND;
    case 'REVISION_CONFLICT':
      return status.ABORTED;
    case 'CUSTOMER_NOT_ALLOWED':
      return status.PERMISSION_DENIED;
    default:
      return assertNever(code);
  }
}

/** `mapDomainError` for `GrpcModule.forRoot`. */
export const mapKnowledgeError: DomainErrorMapper = (error): GrpcStatusMapping | undefined =>
  error instanceof ArticleError ? { code: knowledgeErrorStatus(error.code), message: error.message } : undefined;

function assertNever(code: never): never {
  throw new Error(`knowledge error code ${String(code)} has no gRPC status`);
}
