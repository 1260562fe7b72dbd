import { GrpcServiceMethods } from './grpc-service-methods.decorator';

// Nest's metadata key for message patterns (@nestjs/microservices constants, not exported from its entry).
const PATTERN_METADATA = 'microservices:pattern';

function patternsOf(method: unknown): unknown {
  return Reflect.getMetadata(PATTERN_METADATA, method as object);
}

describe('GrpcServiceMethods', () => {
  it('registers exactly the named methods as handlers of the service RPCs', () => {
    @GrpcServiceMethods('TicketService', ['createTicket', 'getTicket'])
    class Controller {
      createTicket(): string {
        return 'created';
      }
      getTicket(): string {
        return 'got';
      }
      helper(): string {
        return 'not an RPC';
      }
    }
    const prototype = Controller.prototype;
    expect(patternsOf(prototype.createTicket)).toEqual([{ service: 'TicketService', rpc: 'createTicket', streaming: expect.anything() }]);
    expect(patternsOf(prototype.getTicket)).toEqual([{ service: 'TicketService', rpc: 'getTicket', streaming: expect.anything() }]);
    expect(patternsOf(prototype.helper)).toBeUndefined();
    expect(new Controller().createTicket()).toBe('created');
  });

  it('refuses a named method the class does not have', () => {
    expect(() => {
      @GrpcServiceMethods('TicketService', ['createTicket', 'addMessage'])
      class Controller {
        createTicket(): string {
          return 'created';
        }
      }
      return Controller;
    }).toThrow('GrpcServiceMethods: Controller has no method addMessage to serve TicketService/addMessage');
  });
});
