import { Module, type DynamicModule } from '@nestjs/common';
import { DATA_SOURCE } from '@helpdesk/runtime';
import type { DataSource } from 'typeorm';
import type { ExportSettings } from './export-settings';
import { ExportsGrpcController } from './exports.grpc.controller';
import { ExportsService } from './exports.service';

/** Ticket exports (`ExportTickets`): CSV and the printable "open items" PDF. Needs the global `DATA_SOURCE`. */
@Module({})
export class ExportsModule {
  /** The feature for one configuration. */
  static forRoot(settings: ExportSettings): DynamicModule {
    return {
      module: ExportsModule,
      controllers: [ExportsGrpcController],
      providers: [
        {
          provide: ExportsService,
          inject: [DATA_SOURCE],
          useFactory: (dataSource: DataSource) => new ExportsService(dataSource, settings, () => new Date()),
        },
      ],
    };
  }
}
