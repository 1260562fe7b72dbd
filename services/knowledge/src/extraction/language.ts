// A small stop-word vote is enough to tell German from English support texts; anything that
// gives neither a clear majority is left unknown and indexed without stemming.

const GERMAN = new Set(
  'und der die das ist nicht ich wir sie es ein eine einen mit auf für bei von zu im den dem des sich auch noch nach wenn kann können wird werden haben hat habe seit mehr kein keine oder aber bitte danke unser unsere unserem ihr ihre mein meine wieder geht funktioniert beim vom zum zur über dass immer jetzt heute'.split(' '),
);
const ENGLISH = new Set(
  'the and is not we you it a an with on for at from to in of this that our my your are was were be been have has had does do did no any or but please thanks can cannot since when again works working still after before today any there'.split(' '),
);

/** `de`, `en` or null when the text does not tell. */
export function detectLanguage(text: string): 'de' | 'en' | null {
  let german = 0;
  let english = 0;
  for (const word of text.toLowerCase().split(/[^a-zäöüß]+/)) {
    if (GERMAN.has(word)) german += 1;
    if (ENGLISH.has(word)) english += 1;
    if (/[äöüß]/.test(word)) german += 0.5;
  }
  if (german === 0 && english === 0) return null;
  if (german > english) return 'de';
  if (english > german) return 'en';
  return null;
}
