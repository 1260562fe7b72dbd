/** Where the telephony gateway takes the CTI webhook of one PBX connection. */
export interface CtiTarget {
  readonly port: number;
  readonly connectionId: string;
  readonly token: string;
}

/**
 * Posts one Generic CTI event (newCall, answer, hangup) as a hosted PBX does, with the PBX's W3C
 * `traceparent` when given; resolves the HTTP status.
 */
export async function sendCti(target: CtiTarget, event: Record<string, string>, traceparent?: string): Promise<number> {
  const response = await fetch(`http://127.0.0.1:${target.port}/cti/${target.connectionId}`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded', authorization: `Bearer ${target.token}`, ...(traceparent ? { traceparent } : {}) },
    body: new URLSearchParams(event).toString(),
  });
  await response.text();
  return response.status;
}
