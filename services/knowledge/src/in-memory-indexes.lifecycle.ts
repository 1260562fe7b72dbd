import type { OnApplicationBootstrap, OnModuleDestroy } from '@nestjs/common';
import type { DataSource } from 'typeorm';

/** An index the process keeps in memory, loaded from the database in the background. */
export interface InMemoryIndex {
  start(dataSource: DataSource): void;
  stop(): Promise<void>;
}

/**
 * Starts the in-memory indexes' background loads once the app is up (the search index, the
 * near-duplicate bands), and stops them on shutdown.
 */
export class InMemoryIndexesLifecycle implements OnApplicationBootstrap, OnModuleDestroy {
  constructor(
    private readonly dataSource: DataSource,
    private readonly indexes: readonly InMemoryIndex[],
  ) {}

  onApplicationBootstrap(): void {
    // Not awaited: the service is ready at once. Search uses the SQL plan until its index is
    // loaded; the near-duplicate check waits for the bands.
    for (const index of this.indexes) index.start(this.dataSource);
  }

  async onModuleDestroy(): Promise<void> {
    await Promise.all(this.indexes.map((index) => index.stop()));
  }
}
