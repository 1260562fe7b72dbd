import 'reflect-metadata';
import { runService } from '@helpdesk/runtime';
import { slaServiceDefinition } from './service-definition';

void runService(slaServiceDefinition);
