import { readFileSync } from 'node:fs';
import { createServer, type Server, type Socket } from 'node:net';
import { join } from 'node:path';

/**
 * A scripted Asterisk Manager Interface peer on a real TCP socket: it sends the banner, answers
 * Login and CoreShowChannels as Asterisk does (CRLF line protocol), and plays recorded event
 * transcripts (`test/fixtures/ami/*.ami`) when the test says so.
 */
export class ScriptedAmiPeer {
  /** Successful logins so far (one per session). */
  logins = 0;
  /** CoreShowChannel event blocks (LF, no ActionID) to report in the next session. */
  channels: string[] = [];
  private socket: Socket | undefined;

  private constructor(
    private readonly server: Server,
    readonly port: number,
    private readonly secret: string,
  ) {}

  static async start(secret = 'amp111'): Promise<ScriptedAmiPeer> {
    const server = createServer();
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const address = server.address();
    if (address === null || typeof address === 'string') throw new Error('no port');
    const peer = new ScriptedAmiPeer(server, address.port, secret);
    server.on('connection', (socket) => peer.session(socket));
    return peer;
  }

  /**
   * Sends the events of a transcript file in order, as Asterisk writes them; `replace` swaps ids
   * (e.g. the uniqueid prefix) so one recording serves several calls.
   */
  play(transcript: string, replace: readonly (readonly [string, string])[] = []): void {
    let text = readFileSync(join(__dirname, '..', 'fixtures', 'ami', transcript), 'utf8');
    for (const [from, to] of replace) text = text.split(from).join(to);
    this.write(`${text.trim().split(/\n\s*\n/).map(crlf).join('\r\n\r\n')}\r\n\r\n`);
  }

  /** Drops the connection as a network failure or an Asterisk restart would. */
  drop(): void {
    this.socket?.destroy();
    this.socket = undefined;
  }

  async close(): Promise<void> {
    this.drop();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  private write(data: string): void {
    if (!this.socket) throw new Error('no AMI session is connected');
    this.socket.write(data);
  }

  private session(socket: Socket): void {
    this.socket?.destroy();
    this.socket = socket;
    socket.setEncoding('utf8');
    socket.on('error', () => undefined);
    socket.write('Asterisk Call Manager/5.0.2\r\n');
    let buffer = '';
    socket.on('data', (chunk: string) => {
      buffer += chunk;
      for (let end = buffer.indexOf('\r\n\r\n'); end >= 0; end = buffer.indexOf('\r\n\r\n')) {
        const action = Object.fromEntries(
          buffer
            .slice(0, end)
            .split('\r\n')
            .map((line) => [line.slice(0, line.indexOf(':')).toLowerCase(), line.slice(line.indexOf(':') + 1).trim()]),
        );
        buffer = buffer.slice(end + 4);
        this.answer(socket, action);
      }
    });
  }

  private answer(socket: Socket, action: Record<string, string>): void {
    const id = action['actionid'] ?? '';
    switch (action['action']?.toLowerCase()) {
      case 'login':
        if (action['secret'] !== this.secret) {
          socket.write(`Response: Error\r\nActionID: ${id}\r\nMessage: Authentication failed\r\n\r\n`);
          return;
        }
        this.logins += 1;
        socket.write(`Response: Success\r\nActionID: ${id}\r\nMessage: Authentication accepted\r\n\r\n`);
        socket.write('Event: FullyBooted\r\nPrivilege: system,all\r\nUptime: 86400\r\nLastReload: 86400\r\nStatus: Fully Booted\r\n\r\n');
        return;
      case 'coreshowchannels':
        socket.write(`Response: Success\r\nActionID: ${id}\r\nEventList: start\r\nMessage: Channels will follow\r\n\r\n`);
        for (const channel of this.channels) socket.write(`${crlf(channel.trim())}\r\nActionID: ${id}\r\n\r\n`);
        socket.write(`Event: CoreShowChannelsComplete\r\nActionID: ${id}\r\nEventList: Complete\r\nListItems: ${this.channels.length}\r\n\r\n`);
        return;
      case 'logoff':
        socket.end('Response: Goodbye\r\nMessage: Thanks for all the fish.\r\n\r\n');
        return;
      default:
        socket.write(`Response: Error\r\nActionID: ${id}\r\nMessage: Invalid/unknown command\r\n\r\n`);
    }
  }
}

function crlf(block: string): string {
  return block.split('\n').join('\r\n');
}

/** A CoreShowChannel block for a channel of a call, as Asterisk reports it. */
export function coreShowChannel(fields: { channel: string; uniqueid: string; linkedid: string; callerIdNum: string; connectedLineNum: string; context: string; exten: string; up: boolean; bridgeId: string; duration: string }): string {
  return [
    'Event: CoreShowChannel',
    `Channel: ${fields.channel}`,
    `ChannelState: ${fields.up ? 6 : 4}`,
    `ChannelStateDesc: ${fields.up ? 'Up' : 'Ring'}`,
    `CallerIDNum: ${fields.callerIdNum}`,
    `ConnectedLineNum: ${fields.connectedLineNum}`,
    `Context: ${fields.context}`,
    `Exten: ${fields.exten}`,
    'Priority: 2',
    `Uniqueid: ${fields.uniqueid}`,
    `Linkedid: ${fields.linkedid}`,
    `Application: ${fields.up ? 'AppDial' : 'Dial'}`,
    `Duration: ${fields.duration}`,
    `BridgeId: ${fields.bridgeId}`,
  ].join('\n');
}
