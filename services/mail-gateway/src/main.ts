import 'reflect-metadata';
import { runService } from '@helpdesk/runtime';
import { mailGatewayServiceDefinition } from './service-definition';

void runService(mailGatewayServiceDefinition);
