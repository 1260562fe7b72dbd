import type { Logger } from '@helpdesk/telemetry';
import { CallError } from '../calls/call.errors';
import type { CallsService } from '../calls/calls.service';
import type { AmiSessionHandler } from './ami-client';
import { AmiCallTracker, type AmiCommand } from './ami-call-tracker';
import type { AmiMessage } from './ami-protocol';

/** The call side of one AMI connection: events → tracker → call use cases. */
export class AmiSession implements AmiSessionHandler {
  private readonly tracker: AmiCallTracker;

  constructor(
    private readonly connectionId: string,
    inboundContexts: readonly string[],
    private readonly calls: CallsService,
    private readonly logger: Logger,
    private readonly clock: () => Date = () => new Date(),
  ) {
    this.tracker = new AmiCallTracker(inboundContexts);
  }

  async connected(channels: readonly AmiMessage[]): Promise<void> {
    const active = await this.calls.activeOn(this.connectionId);
    await this.run(this.tracker.reconcile(active, channels, this.clock()));
  }

  async event(event: AmiMessage): Promise<void> {
    await this.run(this.tracker.handle(event, eventTime(event) ?? this.clock()));
  }

  private async run(commands: readonly AmiCommand[]): Promise<void> {
    for (const command of commands) {
      try {
        if (command.kind === 'start') await this.calls.start(this.connectionId, command.input);
        else if (command.kind === 'answer') await this.calls.answer(this.connectionId, command.input);
        else if (command.kind === 'queue') await this.calls.queue(this.connectionId, command.input);
        else await this.calls.end(this.connectionId, command.input);
      } catch (error) {
        // A call the PBX reports oddly (an answer after the end, a malformed number) is logged and skipped; the stream goes on.
        if (!(error instanceof CallError)) throw error;
        this.logger.warn({ connectionId: this.connectionId, command: command.kind, pbxCallId: command.input.pbxCallId, reason: error.message }, 'AMI event not applied');
      }
    }
  }
}

/**
 * When Asterisk says the event happened: the `Timestamp` header (epoch seconds with microseconds,
 * sent with `timestampevents = yes` in manager.conf); undefined without it.
 */
export function eventTime(event: AmiMessage): Date | undefined {
  const seconds = Number(event['timestamp']);
  return event['timestamp'] && Number.isFinite(seconds) && seconds > 0 ? new Date(Math.round(seconds * 1000)) : undefined;
}
