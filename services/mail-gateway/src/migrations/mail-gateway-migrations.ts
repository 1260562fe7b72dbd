import { platformMigrations } from '@helpdesk/persistence';
import { CreateMailGateway1732370500000 } from './1732370500000-create-mail-gateway';

/** Every migration of the mail gateway, in order. */
export const mailGatewayMigrations = [...platformMigrations, CreateMailGateway1732370500000];
