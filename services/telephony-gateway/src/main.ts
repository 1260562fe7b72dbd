import 'reflect-metadata';
import { runService } from '@helpdesk/runtime';
import { telephonyServiceDefinition } from './service-definition';

void runService(telephonyServiceDefinition);
