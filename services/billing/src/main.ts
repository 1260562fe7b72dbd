import 'reflect-metadata';
import { runService } from '@helpdesk/runtime';
import { billingServiceDefinition } from './service-definition';

void runService(billingServiceDefinition);
