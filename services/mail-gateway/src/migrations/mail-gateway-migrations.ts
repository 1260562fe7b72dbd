import { platformMigrations } from '@helpdesk/persistence';
import { CreateMailGateway1732370500000 } from './1732370500000-create-mail-gateway';
import { InboundProcessing1732460000000 } from './1732460000000-inbound-processing';
import { InboundProcessingAttempts1732560000000 } from './1732560000000-inbound-processing-attempts';

/** Every migration of the mail gateway, in order. */
export const mailGatewayMigrations = [...platformMigrations, CreateMailGateway1732370500000, InboundProcessing1732460000000, InboundProcessingAttempts1732560000000];
