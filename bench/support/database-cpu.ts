import { readdirSync, readFileSync } from 'node:fs';
import { Client } from 'pg';

/**
 * CPU of the PostgreSQL backends serving one database (the service's pool, its LISTEN
 * connection, the relay), from /proc: what the benchmarked work costs the database besides the
 * service itself. The backends are polled every 250 ms and each one's last reading kept, so a
 * pool connection that closes when idle (after 10 s) keeps its share; only backends on this
 * machine are seen.
 */
export class DatabaseCpu {
  /** Last CPU ms seen per backend pid, since the start of the process. */
  private readonly seen = new Map<number, number>();
  private readonly timer: NodeJS.Timeout;
  private polling: Promise<void> = Promise.resolve();

  private constructor(private readonly client: Client) {
    this.timer = setInterval(() => {
      this.polling = this.polling.then(() => this.poll()).catch(() => undefined);
    }, 250);
  }

  static async connect(url: string): Promise<DatabaseCpu> {
    const client = new Client({ connectionString: url });
    await client.connect();
    const cpu = new DatabaseCpu(client);
    await cpu.read();
    return cpu;
  }

  /** CPU ms of every backend of the database seen so far (this reader's own excluded), by pid. */
  async read(): Promise<ReadonlyMap<number, number>> {
    await (this.polling = this.polling.then(() => this.poll()));
    return new Map(this.seen);
  }

  async close(): Promise<void> {
    clearInterval(this.timer);
    await this.polling.catch(() => undefined);
    await this.client.end();
  }

  private async poll(): Promise<void> {
    const { rows } = await this.client.query<{ pid: number }>(`SELECT pid FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()`);
    for (const { pid } of rows) {
      const ms = processCpuMs(pid);
      if (!Number.isNaN(ms)) this.seen.set(pid, ms);
    }
  }
}

/** CPU ms the backends used between two readings (backends new in `after` count in full). */
export function cpuBetween(before: ReadonlyMap<number, number>, after: ReadonlyMap<number, number>): number {
  let sum = 0;
  for (const [pid, ms] of after) sum += ms - (before.get(pid) ?? 0);
  return sum;
}

/** utime + stime of a process from /proc (clock ticks of 10 ms on Linux); NaN when it cannot be read. */
export function processCpuMs(pid: number): number {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    // utime + stime in clock ticks of 10 ms.
    return (Number(fields[11]) + Number(fields[12])) * 10;
  } catch {
    return Number.NaN;
  }
}

/**
 * CPU ms of the local `nats-server` process so far (NaN when none runs here). The server is
 * shared with whatever else uses it, so over a phase this is an upper bound of what the
 * benchmark cost it.
 */
export function natsServerCpuMs(): number {
  return processCpuMs(sharedNatsServerPid());
}

/**
 * The pid of the longest-running nats-server on this machine (NaN when none runs here): the shared
 * one the benchmark uses; tests running beside it may start and stop servers of their own, which
 * must not be mistaken for it between two readings.
 */
export function sharedNatsServerPid(): number {
  let oldest = { pid: Number.NaN, start: Number.POSITIVE_INFINITY };
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      if (readFileSync(`/proc/${entry}/comm`, 'utf8').trim() !== 'nats-server') continue;
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      // Field 22 (starttime), counted after the parenthesised command name.
      const start = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[19]);
      if (start < oldest.start) oldest = { pid: Number(entry), start };
    } catch {
      // The process ended meanwhile.
    }
  }
  return oldest.pid;
}

