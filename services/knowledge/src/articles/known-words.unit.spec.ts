import { KnownWords } from './known-words';

describe('known vocabulary words (a hint that saves sending known words again)', () => {
  it('sends each new token once, in lower case, and nothing when all are known', () => {
    const known = new KnownWords();
    const first = known.unknownIn('Drucker druckt\nnicht, drucker!');
    expect(first).toBe('drucker\ndruckt\nnicht,\ndrucker!');
    known.remember(first ?? '');
    expect(known.unknownIn('DRUCKER druckt Toner')).toBe('toner');
    expect(known.unknownIn('Drucker  druckt')).toBeNull();
  });

  it('forgets everything when full instead of growing', () => {
    const known = new KnownWords(3);
    known.remember('a1\nb2');
    known.remember('c3\nd4');
    expect(known.unknownIn('a1 c3 d4')).toBe('a1');
  });
});
