import 'reflect-metadata';
import { runService } from '@helpdesk/runtime';
import { knowledgeServiceDefinition } from './service-definition';

void runService(knowledgeServiceDefinition);
