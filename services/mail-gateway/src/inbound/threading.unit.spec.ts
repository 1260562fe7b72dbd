import { decideThread } from './threading';

describe('decideThread', () => {
  it('prefers a known Message-ID, whoever sends it', () => {
    expect(decideThread({ headerTicketId: 'a', taggedTicketId: 'b', senderIsParticipant: false })).toEqual({ result: 'header', ticketId: 'a', relatedTicketId: null });
  });

  it('threads by tag only for participants; a stranger opens a new ticket linked to the tagged one', () => {
    expect(decideThread({ headerTicketId: null, taggedTicketId: 'b', senderIsParticipant: true })).toEqual({ result: 'tag', ticketId: 'b', relatedTicketId: null });
    expect(decideThread({ headerTicketId: null, taggedTicketId: 'b', senderIsParticipant: false })).toEqual({ result: 'unknown_sender', ticketId: null, relatedTicketId: 'b' });
  });

  it('opens a new ticket otherwise', () => {
    expect(decideThread({ headerTicketId: null, taggedTicketId: null, senderIsParticipant: false })).toEqual({ result: 'new', ticketId: null, relatedTicketId: null });
  });
});
