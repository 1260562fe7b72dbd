import { Global, Module, type DynamicModule } from '@nestjs/common';
import { createDataSource, runMigrations, type DataSourceConfig } from '@helpdesk/persistence';

/** Injection token of the service's initialised TypeORM DataSource. */
export const DATA_SOURCE = Symbol('DATA_SOURCE');

/**
 * Provides the service's DataSource, initialised (and migrated when `migrateOnStart`) before any
 * other provider needs it. The runtime destroys it last at shutdown, after the outbox is flushed.
 */
@Global()
@Module({})
export class DatabaseModule {
  static forRoot(config: DataSourceConfig & { readonly migrateOnStart: boolean }): DynamicModule {
    return {
      module: DatabaseModule,
      providers: [
        {
          provide: DATA_SOURCE,
          useFactory: async () => {
            const dataSource = createDataSource(config);
            await dataSource.initialize();
            if (config.migrateOnStart) await runMigrations(dataSource);
            return dataSource;
          },
        },
      ],
      exports: [DATA_SOURCE],
    };
  }
}
