import { status } from '@grpc/grpc-js';
import { ArticleError, type ArticleErrorCode } from '../articles/article.errors';
import { knowledgeErrorStatus, mapKnowledgeError } from './knowledge-error.map';

const codes: Record<ArticleErrorCode, status> = {
  ARTICLE_NOT_FOUND: status.NOT_FOUND,
  REVISION_CONFLICT: status.ABORTED,
  CUSTOMER_NOT_ALLOWED: status.PERMISSION_DENIED,
};

describe('knowledge error map', () => {
  it.each(Object.entries(codes))('maps %s', (code, expected) => {
    expect(knowledgeErrorStatus(code as ArticleErrorCode)).toBe(expected);
    expect(mapKnowledgeError(new ArticleError(code as ArticleErrorCode, 'x'))).toEqual({ code: expected, message: 'x' });
  });

  it('leaves other errors to the next mapping', () => {
    expect(mapKnowledgeError(new Error('boom'))).toBeUndefined();
  });
});
