import { SubjectTag } from './subject-tag';

describe('SubjectTag', () => {
  const tag = new SubjectTag('Ticket');

  it('finds the ticket number in a subject, in any case and position', () => {
    expect(tag.numberIn('Re: [Ticket#T-100234] VPN')).toBe('T-100234');
    expect(tag.numberIn('AW: VPN [ticket#T-7]')).toBe('T-7');
    expect(tag.numberIn('VPN [Case#T-7]')).toBeNull();
    expect(tag.numberIn('no tag')).toBeNull();
  });

  it('puts the tag in front exactly once, replacing another spelling of the same ticket', () => {
    expect(tag.apply('VPN fails', 'T-1')).toBe('[Ticket#T-1] VPN fails');
    expect(tag.apply('[Ticket#T-1] VPN fails', 'T-1')).toBe('[Ticket#T-1] VPN fails');
    expect(new SubjectTag('Case').apply('[Ticket#T-1] VPN fails', 'T-1')).toBe('[Case#T-1] VPN fails');
    expect(tag.apply('', 'T-1')).toBe('[Ticket#T-1]');
  });
});
