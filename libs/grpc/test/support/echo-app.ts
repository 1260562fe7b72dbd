import { join } from 'node:path';
import { status, type Metadata } from '@grpc/grpc-js';
import { scopeOf } from '@helpdesk/auth';
import { Module, type INestMicroservice } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { GrpcMethod } from '@nestjs/microservices';
import { trace } from '@opentelemetry/api';
import { z } from 'zod';
import { freePort } from '@helpdesk/testing';
import {
  DomainError,
  GrpcController,
  GrpcModule,
  Roles,
  callerFrom,
  grpcServerOptions,
  parseRequest,
  type DomainErrorMapper,
  type GrpcHealth,
  type GrpcLogger,
} from '../../src';

export const TEST_SECRET = 'grpc-test-secret-that-is-at-least-32-characters';
export const PROTO_DIR = join(__dirname, '..', 'fixtures');
export const ECHO_PROTO = join(PROTO_DIR, 'echo.proto');
export const ECHO_SERVICE = 'helpdesk.testing.v1.EchoService';

interface EchoRequest {
  text: string;
}

type NoteErrorCode = 'NOTE_LOCKED' | 'NOTE_UNMAPPED';
class NoteError extends DomainError<NoteErrorCode> {}

// The per-service exhaustive map a real service writes; NOTE_UNMAPPED is deliberately left out.
const mapNoteError: DomainErrorMapper = (error) => {
  if (!(error instanceof NoteError)) return undefined;
  return error.code === 'NOTE_LOCKED' ? { code: status.FAILED_PRECONDITION, message: error.message } : undefined;
};

const createNoteInput = z.object({
  summary: z.string().trim().min(1, 'must not be empty'),
  tags: z.array(z.object({ name: z.string().min(1, 'must not be empty') })).max(3, 'must have at most 3 items'),
});

function activeSpanIds(): { traceId: string; spanId: string } {
  const spanContext = trace.getActiveSpan()?.spanContext();
  return { traceId: spanContext?.traceId ?? '', spanId: spanContext?.spanId ?? '' };
}

@GrpcController()
class EchoGrpcController {
  @GrpcMethod('EchoService', 'Echo')
  async echo(request: EchoRequest, metadata: Metadata) {
    // Hop the event loop first, as a database call would, to prove the span context survives it.
    await new Promise((resolve) => setImmediate(resolve));
    return { text: request.text, subject: callerFrom(metadata).subject, ...activeSpanIds() };
  }

  @GrpcMethod('EchoService', 'AdminEcho')
  @Roles('admin')
  adminEcho(request: EchoRequest, metadata: Metadata) {
    return { text: request.text, subject: callerFrom(metadata).subject };
  }

  @GrpcMethod('EchoService', 'WhoAmI')
  @Roles('agent', 'customer')
  whoAmI(_request: EchoRequest, metadata: Metadata) {
    const caller = callerFrom(metadata);
    const scope = scopeOf(caller);
    return {
      kind: caller.kind,
      subject: caller.subject,
      scopeKind: scope.kind,
      customerId: scope.kind === 'customer' ? scope.customerId : '',
    };
  }

  @GrpcMethod('EchoService', 'CreateNote')
  async createNote(request: unknown, metadata: Metadata) {
    const caller = callerFrom(metadata);
    const input = parseRequest(createNoteInput, request);
    return { text: input.summary, subject: caller.subject };
  }

  @GrpcMethod('EchoService', 'Fail')
  async fail(request: EchoRequest) {
    await Promise.resolve();
    if (request.text === 'locked') throw new NoteError('NOTE_LOCKED', 'note is locked');
    if (request.text === 'unmapped') throw new NoteError('NOTE_UNMAPPED', 'secret detail of an unmapped error');
    throw new Error('database password is hunter2');
  }
}

/** One logged unexpected error. */
export interface LoggedError {
  readonly details: Readonly<Record<string, unknown>>;
  readonly message: string;
}

/** A running Nest gRPC app serving the echo fixture. */
export interface EchoApp {
  readonly address: string;
  readonly health: GrpcHealth;
  readonly logged: LoggedError[];
  close(): Promise<void>;
}

/** Starts the echo service on a free loopback port. */
export async function startEchoApp(): Promise<EchoApp> {
  const logged: LoggedError[] = [];
  const logger: GrpcLogger = { error: (details, message) => logged.push({ details, message }) };

  @Module({
    imports: [GrpcModule.forRoot({ auth: { secret: TEST_SECRET }, mapDomainError: mapNoteError, logger })],
    controllers: [EchoGrpcController],
  })
  class EchoAppModule {}

  const address = `127.0.0.1:${await freePort()}`;
  const setup = grpcServerOptions({
    url: address,
    packages: ['helpdesk.testing.v1'],
    protoPaths: [ECHO_PROTO],
    includeDirs: [PROTO_DIR],
  });
  const app: INestMicroservice = await NestFactory.createMicroservice(EchoAppModule, { ...setup.microservice, logger: false });
  await app.listen();
  return { address, health: setup.health, logged, close: () => app.close() };
}
