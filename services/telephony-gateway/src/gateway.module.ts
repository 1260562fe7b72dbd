import { OutboxPublisher, NATS_CONNECTION } from '@helpdesk/messaging';
import { DATA_SOURCE } from '@helpdesk/runtime';
import type { Logger } from '@helpdesk/telemetry';
import type { NatsConnection } from '@nats-io/nats-core';
import { Module, type DynamicModule } from '@nestjs/common';
import type { CountryCode } from 'libphonenumber-js/max';
import type { DataSource } from 'typeorm';
import { AmiSupervisor } from './ami/ami.supervisor';
import { CallsGrpcController } from './calls/calls.grpc.controller';
import { CallsService } from './calls/calls.service';
import type { TelephonyConfig } from './config';
import { ConnectionCache } from './connections/connection-cache';
import { PbxConnectionsGrpcController } from './connections/pbx-connections.grpc.controller';
import { PbxConnectionsService } from './connections/pbx-connections.service';
import { CallerIndex } from './directory/caller-index';
import { CallerIndexLifecycle } from './directory/caller-index.lifecycle';
import { CallerLookup } from './directory/caller-lookup';
import { DirectoryEnricher } from './monitor/directory.enricher';
import { MonitorHub } from './monitor/monitor-hub';
import { MonitorLifecycle } from './monitor/monitor.lifecycle';

/**
 * The gateway's features: calls (use cases, gRPC), PBX connections, the hotline monitor and the
 * AMI connections. Plain classes built by factories, so each reads without Nest.
 */
@Module({})
export class GatewayModule {
  static forRoot(config: TelephonyConfig, logger: Logger, callerIndex: CallerIndex): DynamicModule {
    return {
      module: GatewayModule,
      controllers: [CallsGrpcController, PbxConnectionsGrpcController],
      providers: [
        { provide: ConnectionCache, inject: [DATA_SOURCE], useFactory: (dataSource: DataSource) => new ConnectionCache(dataSource) },
        { provide: CallerIndex, useValue: callerIndex },
        {
          provide: CallerIndexLifecycle,
          inject: [CallerIndex, DATA_SOURCE, NATS_CONNECTION],
          useFactory: (index: CallerIndex, dataSource: DataSource, nc: NatsConnection) => new CallerIndexLifecycle(index, dataSource, nc, config.NATS_SUBJECT_PREFIX, logger),
        },
        { provide: CallerLookup, inject: [CallerIndex, DATA_SOURCE], useFactory: (index: CallerIndex, dataSource: DataSource) => new CallerLookup(index, dataSource) },
        {
          provide: MonitorHub,
          inject: [CallerLookup],
          useFactory: (callers: CallerLookup) => new MonitorHub(new DirectoryEnricher(callers), (error) => logger.error({ err: error }, 'monitor update failed')),
        },
        {
          provide: CallsService,
          inject: [DATA_SOURCE, OutboxPublisher, MonitorHub, CallerLookup],
          useFactory: (dataSource: DataSource, outbox: OutboxPublisher, hub: MonitorHub, callers: CallerLookup) =>
            new CallsService(dataSource, outbox, hub, callers, config.TELEPHONY_DEFAULT_COUNTRY as CountryCode),
        },
        {
          provide: AmiSupervisor,
          inject: [DATA_SOURCE, CallsService],
          useFactory: (dataSource: DataSource, calls: CallsService) =>
            new AmiSupervisor(dataSource, config.DATABASE_URL, calls, { reconnectMs: config.TELEPHONY_AMI_RECONNECT_MS }, logger),
        },
        {
          provide: PbxConnectionsService,
          inject: [DATA_SOURCE, ConnectionCache, AmiSupervisor],
          useFactory: (dataSource: DataSource, cache: ConnectionCache, ami: AmiSupervisor) => new PbxConnectionsService(dataSource, cache, ami),
        },
        {
          provide: MonitorLifecycle,
          inject: [MonitorHub, CallsService, NATS_CONNECTION],
          useFactory: (hub: MonitorHub, calls: CallsService, nc: NatsConnection) =>
            new MonitorLifecycle(hub, calls, nc, config.NATS_SUBJECT_PREFIX, { activeMaxHours: config.TELEPHONY_ACTIVE_CALL_MAX_HOURS, missedWindowHours: config.TELEPHONY_MISSED_CALL_WINDOW_HOURS }, logger),
        },
      ],
      exports: [CallsService, ConnectionCache, MonitorHub, PbxConnectionsService],
    };
  }
}
