import type { OnApplicationBootstrap, OnModuleDestroy } from '@nestjs/common';
import type { DataSource } from 'typeorm';
import type { LiveSearchIndex } from './live-search-index';

/** Starts the in-memory search index's background load once the app is up, and stops its polling on shutdown. */
export class SearchIndexLifecycle implements OnApplicationBootstrap, OnModuleDestroy {
  constructor(
    private readonly dataSource: DataSource,
    private readonly index: LiveSearchIndex | null,
  ) {}

  onApplicationBootstrap(): void {
    // Not awaited: the service is ready at once and the SQL plan serves until the index is loaded.
    this.index?.start(this.dataSource);
  }

  async onModuleDestroy(): Promise<void> {
    await this.index?.stop();
  }
}
