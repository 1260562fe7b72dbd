import type { Metadata } from '@grpc/grpc-js';
import type { Caller } from '@helpdesk/auth';
import { callState } from '../call-state';

/**
 * The verified caller of the gRPC call whose metadata this is. Throws when the call did not pass
 * the auth interceptor, i.e. the controller lacks `@GrpcController()` (a bug, so `INTERNAL`).
 */
export function callerFrom(metadata: Metadata): Caller {
  const caller = callState(metadata).caller;
  if (!caller) throw new Error('callerFrom: no verified caller on this call; is the controller decorated with @GrpcController()?');
  return caller;
}
