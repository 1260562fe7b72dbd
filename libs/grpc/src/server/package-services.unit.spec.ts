import { join } from 'node:path';
import { loadSync } from '@grpc/proto-loader';
import { servicesIn } from './package-services';

describe('servicesIn', () => {
  it('lists the services of the given packages, not their messages', () => {
    const definition = loadSync(join(__dirname, '..', '..', 'test', 'fixtures', 'echo.proto'));
    expect(servicesIn(definition, ['helpdesk.testing.v1'])).toEqual(['helpdesk.testing.v1.EchoService']);
    expect(servicesIn(definition, ['helpdesk.testing'])).toEqual([]);
  });
});
