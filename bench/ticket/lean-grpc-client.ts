import { connect, constants, type ClientHttp2Session } from 'node:http2';
import path from 'node:path';
import protobuf from 'protobufjs';
import { PROTO_ROOT } from '@helpdesk/contracts';
import type { UnaryClient } from '../support/grpc-client';

/**
 * A unary gRPC client on bare HTTP/2 (one session, length-prefixed protobuf frames, status from
 * the trailers) for the load generator. grpc-js's client costs about as much CPU per call as the
 * server does (channel stack, deadlines, full object conversion of every response), and on a
 * two-core machine that CPU is taken from the service under test; this one encodes the request
 * and decodes the response with protobufjs and does nothing else. Errors reject with
 * `{ code, details }` like a grpc-js ServiceError, so `errorCodeOf` names them.
 */
export function leanUnaryClient(address: string, protoFile: string, service: string): UnaryClient {
  const root = new protobuf.Root();
  root.resolvePath = (_origin, target) => (target.startsWith('google/protobuf/') ? target : path.join(PROTO_ROOT, target));
  root.loadSync(protoFile, { keepCase: false });
  const definition = root.lookupService(service);
  let session: ClientHttp2Session | undefined;
  const sessionOf = () => {
    if (!session || session.closed || session.destroyed) {
      session = connect(`http://${address}`);
      // A bench run keeps the session busy; an idle session must not hold the process open.
      session.unref();
    }
    return session;
  };

  return {
    call: <T>(name: string, request: object, token?: string) =>
      new Promise<T>((resolve, reject) => {
        const method = definition.methods[name];
        if (!method) throw new Error(`${service} has no method ${name}`);
        const requestType = root.lookupType(method.requestType);
        const responseType = root.lookupType(method.responseType);
        const body = requestType.encode(requestType.fromObject(request)).finish();
        const frame = Buffer.allocUnsafe(5 + body.length);
        frame.writeUInt8(0, 0);
        frame.writeUInt32BE(body.length, 1);
        frame.set(body, 5);
        const stream = sessionOf().request({
          [constants.HTTP2_HEADER_METHOD]: 'POST',
          [constants.HTTP2_HEADER_PATH]: `/${service}/${name}`,
          [constants.HTTP2_HEADER_CONTENT_TYPE]: 'application/grpc',
          te: 'trailers',
          ...(token ? { authorization: `Bearer ${token}` } : {}),
        });
        const chunks: Buffer[] = [];
        let code = -1;
        let details = '';
        const settle = (headers: Record<string, string | string[] | undefined>) => {
          if (headers['grpc-status'] === undefined) return;
          code = Number(headers['grpc-status']);
          details = decodeURIComponent(String(headers['grpc-message'] ?? ''));
        };
        stream.on('response', settle);
        stream.on('trailers', settle);
        stream.on('data', (chunk: Buffer) => chunks.push(chunk));
        stream.on('error', reject);
        stream.on('close', () => {
          if (code !== 0) {
            reject(Object.assign(new Error(details || `gRPC status ${code}`), { code: code < 0 ? 14 : code, details }));
            return;
          }
          const payload = Buffer.concat(chunks);
          resolve(responseType.decode(payload.subarray(5, 5 + payload.readUInt32BE(1))) as unknown as T);
        });
        stream.end(frame);
      }),
    close: () => session?.close(),
  };
}
