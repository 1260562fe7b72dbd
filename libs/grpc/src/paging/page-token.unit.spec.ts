import { RequestValidationError } from '../errors/request-validation.error';
import { decodePageToken, encodePageToken } from './page-token';

describe('page tokens', () => {
  it('gives back the sort key of the token it made, and nothing for the first page', () => {
    expect(decodePageToken('calls', encodePageToken('calls', ['2026-11-24T09:00:00Z', 'id-1']), 2)).toEqual(['2026-11-24T09:00:00Z', 'id-1']);
    expect(decodePageToken('calls', '', 2)).toBeUndefined();
  });

  it.each([
    ['another list', encodePageToken('queues', ['a', 'b'])],
    ['another key length', encodePageToken('calls', ['a'])],
    ['not JSON', Buffer.from('nope').toString('base64url')],
    ['not base64url JSON of strings', Buffer.from('["calls",1,2]').toString('base64url')],
  ])('refuses a token of %s as INVALID_ARGUMENT naming page.pageToken', (_, token) => {
    expect(() => decodePageToken('calls', token, 2)).toThrow(RequestValidationError);
    expect(() => decodePageToken('calls', token, 2)).toThrow('page.pageToken: is not a token this service issued for this list');
  });
});

describe('page tokens below gRPC', () => {
  it('refuse with the error the service passes', () => {
    const refuse = (field: string, problem: string) => Object.assign(new Error(`${field}: ${problem}`), { field });
    expect(() => decodePageToken('queues', 'garbage', 1, refuse)).toThrow(expect.objectContaining({ field: 'page.pageToken' }));
  });
});
