import { acknowledgementText, escalationMail, templateLanguage } from './templates';

describe('templates', () => {
  it('chooses the contact language, else the mailbox language, else the default', () => {
    expect(templateLanguage('de-AT', 'en', 'en')).toBe('de');
    expect(templateLanguage(null, 'de', 'en')).toBe('de');
    expect(templateLanguage('fr', null, 'en')).toBe('en');
  });

  it('writes the acknowledgement and the escalation in German and English', () => {
    expect(acknowledgementText('de', { ticketNumber: 'T-1', summary: 'VPN' })).toContain('Ticketnummer T-1');
    expect(acknowledgementText('en', { ticketNumber: 'T-1', summary: 'VPN' })).toContain('your ticket number is T-1');
    const facts = { recipientName: 'Jonas', ticketNumber: 'T-1', summary: 'VPN', level: 2, trigger: 'breach', target: 'resolution', dueAt: null } as const;
    expect(escalationMail('de', facts).subject).toBe('Eskalationsstufe 2: VPN');
    expect(escalationMail('en', facts).text).toContain('has been breached');
  });
});
