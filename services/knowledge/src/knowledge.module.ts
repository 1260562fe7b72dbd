import { OutboxPublisher, uuidv7 } from '@helpdesk/messaging';
import { DATA_SOURCE } from '@helpdesk/runtime';
import { Module, type DynamicModule } from '@nestjs/common';
import type { DataSource } from 'typeorm';
import { ArticlesGrpcController } from './articles/articles.grpc.controller';
import { ArticlesService } from './articles/articles.service';
import { InMemoryIndexesLifecycle } from './in-memory-indexes.lifecycle';
import type { KnowledgeComponents } from './knowledge-components';
import { SearchGrpcController } from './search/search.grpc.controller';
import { SearchService } from './search/search.service';

/** Articles and search over gRPC, on the shared components. */
@Module({})
export class KnowledgeModule {
  static forRoot(components: KnowledgeComponents): DynamicModule {
    return {
      module: KnowledgeModule,
      controllers: [ArticlesGrpcController, SearchGrpcController],
      providers: [
        {
          provide: ArticlesService,
          inject: [DATA_SOURCE, OutboxPublisher],
          useFactory: (dataSource: DataSource, publisher: OutboxPublisher) => new ArticlesService(dataSource, publisher, uuidv7),
        },
        {
          provide: SearchService,
          inject: [DATA_SOURCE],
          useFactory: (dataSource: DataSource) => new SearchService(dataSource, components.engine, components.summariser),
        },
        {
          provide: InMemoryIndexesLifecycle,
          inject: [DATA_SOURCE],
          useFactory: (dataSource: DataSource) => new InMemoryIndexesLifecycle(dataSource, [...(components.searchIndex ? [components.searchIndex] : []), components.bandIndex]),
        },
      ],
      exports: [ArticlesService, SearchService],
    };
  }
}
