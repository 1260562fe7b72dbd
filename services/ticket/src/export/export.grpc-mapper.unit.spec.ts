import { parseRequest, RequestValidationError } from '@helpdesk/grpc';
import { exportTicketsRequestSchema } from './export.grpc-mapper';

describe('exportTicketsRequestSchema', () => {
  it('reads an unset selection as everything, most urgent first', () => {
    expect(parseRequest(exportTicketsRequestSchema, { selection: null, format: 'EXPORT_FORMAT_CSV' })).toEqual({ selection: { sort: 'urgency' }, format: 'csv' });
  });

  it('names the field at fault inside the selection and requires a format', () => {
    let error: unknown;
    try {
      parseRequest(exportTicketsRequestSchema, { selection: { customerId: 'nope' }, format: 'EXPORT_FORMAT_UNSPECIFIED' });
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(RequestValidationError);
    const fields = (error as RequestValidationError).violations.map((v) => v.field);
    expect(fields).toEqual(expect.arrayContaining(['selection.customerId', 'format']));
  });
});
