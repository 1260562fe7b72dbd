import { z } from 'zod';
import { parseRequest } from './parse-request';
import { RequestValidationError } from './request-validation.error';

const schema = z.object({
  summary: z.string().min(1, 'must not be empty'),
  contact: z.object({ email: z.email('must be a mail address') }),
  lines: z.array(z.object({ minutes: z.number().int().positive('must be positive') })),
});

function violationsOf(request: unknown) {
  try {
    parseRequest(schema, request);
  } catch (error) {
    if (error instanceof RequestValidationError) return { message: error.message, violations: error.violations };
    throw error;
  }
  throw new Error('expected a validation error');
}

describe('parseRequest', () => {
  it('returns the parsed input', () => {
    const input = { summary: 'Printer', contact: { email: 'a@b.example' }, lines: [{ minutes: 15 }] };
    expect(parseRequest(schema, input)).toEqual(input);
  });

  it('names every invalid field by its path', () => {
    expect(violationsOf({ summary: '', contact: { email: 'nope' }, lines: [{ minutes: 5 }, { minutes: -1 }] })).toEqual({
      message: 'summary: must not be empty; contact.email: must be a mail address; lines[1].minutes: must be positive',
      violations: [
        { field: 'summary', description: 'must not be empty' },
        { field: 'contact.email', description: 'must be a mail address' },
        { field: 'lines[1].minutes', description: 'must be positive' },
      ],
    });
  });

  it('names the request itself when it is not an object', () => {
    expect(violationsOf(null).violations[0]?.field).toBe('request');
  });
});
