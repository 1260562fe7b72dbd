import 'reflect-metadata';
import { runService } from '@helpdesk/runtime';
import { ticketServiceDefinition } from './service-definition';

void runService(ticketServiceDefinition);
