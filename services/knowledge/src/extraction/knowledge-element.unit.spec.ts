import { extractElement, type ResolvedCase } from './knowledge-element';
import { detectLanguage } from './language';
import { cleanCustomerText, cleanTitle } from './text-cleaning';

const base: ResolvedCase = {
  ticketId: '01936b2e-9a10-7b2c-8d3e-4f5a6b7c8d9e',
  summary: 'VPN error 809',
  description: '',
  category: 'technical',
  tags: ['vpn', 'vpn'],
  products: ['SecureConnect VPN Gateway 3000'],
  language: null,
  problemMessage: null,
  resolution: 'Updated the VPN client to 5.2.',
  decisiveMessage: null,
};

describe('cleanCustomerText', () => {
  it('drops greeting, closing formula, signature and quoted history (German and English)', () => {
    const de = 'Hallo Frau Schmidt,\n\nder Drucker druckt nicht.\nBitte um Hilfe.\n\nMit freundlichen Grüßen\nMax Mustermann\nTel. 089 123\n\n-----Ursprüngliche Nachricht-----\nVon: Support';
    expect(cleanCustomerText(de)).toBe('der Drucker druckt nicht.\nBitte um Hilfe.');
    const en = 'Hi team,\nthe VPN fails.\n> old quoted line\nOn Mon, 23 Nov 2026 Anna wrote:\n> older';
    expect(cleanCustomerText(en)).toBe('the VPN fails.');
    expect(cleanCustomerText('Thanks,\nJohn')).toBe('');
    expect(cleanCustomerText('It breaks.\n--\nJohn Doe | ACME')).toBe('It breaks.');
    expect(cleanCustomerText('Sent from my iPhone')).toBe('');
  });
});

describe('cleanTitle', () => {
  it('removes reply and forward prefixes and ticket tags', () => {
    expect(cleanTitle('AW: WG: [T-100234] Drucker  druckt nicht')).toBe('Drucker druckt nicht');
    expect(cleanTitle('Re: Fwd: VPN')).toBe('VPN');
  });
});

describe('detectLanguage', () => {
  it('tells German from English and leaves the undecided unknown', () => {
    expect(detectLanguage('Der Drucker druckt seit heute nicht mehr und wir können nichts tun.')).toBe('de');
    expect(detectLanguage('The printer does not print since this morning and we are stuck.')).toBe('en');
    expect(detectLanguage('VPN 809')).toBeNull();
  });
});

describe('extractElement', () => {
  it('takes the problem from the first customer message, falling back to the description, then the title', () => {
    expect(extractElement({ ...base, problemMessage: 'Hello,\nthe client says 809.\nRegards,\nMax', description: 'desc' }).problem).toBe('the client says 809.');
    expect(extractElement({ ...base, description: 'Hi,\nVPN broken' }).problem).toBe('VPN broken');
    expect(extractElement(base).problem).toBe('VPN error 809');
  });

  it('adds the decisive reply to the resolution unless it repeats it, and dedupes tags', () => {
    const element = extractElement({ ...base, decisiveMessage: 'Hello Max,\nplease install client 5.2.\nKind regards\nAnna' });
    expect(element.resolution).toBe('Updated the VPN client to 5.2.\n\nplease install client 5.2.');
    expect(extractElement({ ...base, decisiveMessage: 'Updated the VPN client to 5.2.' }).resolution).toBe('Updated the VPN client to 5.2.');
    expect(element.tags).toEqual(['vpn']);
    expect(element.language).toBe('en');
    expect(extractElement({ ...base, language: 'de-DE' }).language).toBe('de');
  });
});
