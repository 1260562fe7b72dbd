-- One database per service, as in production (ARCHITECTURE.md: each service owns its data).
CREATE DATABASE helpdesk_ticket;
CREATE DATABASE helpdesk_mail_gateway;
CREATE DATABASE helpdesk_telephony_gateway;
CREATE DATABASE helpdesk_sla;
CREATE DATABASE helpdesk_billing;
CREATE DATABASE helpdesk_knowledge;
