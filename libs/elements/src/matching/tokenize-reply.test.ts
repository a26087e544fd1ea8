import { describe, expect, it } from 'vitest';
import { tokenizeReply } from './tokenize-reply';

describe('tokenizeReply', () => {
  it('folds case, apostrophes and punctuation; with NLP also accents and emphasis', () => {
    expect(tokenizeReply("Don't  STOP, Señor!", { nlp: false })).toEqual([
      { word: 'dont', clause: 0 },
      { word: 'stop', clause: 0 },
      { word: 'señor', clause: 1 },
    ]);
    expect(tokenizeReply('Señor Straße, yesss 👍🏽', { nlp: true }).map((token) => token.word)).toEqual([
      'senor', 'strasse', 'yes', '👍',
    ]);
    expect(tokenizeReply('ＹＥＳ', { nlp: false })).toEqual([{ word: 'yes', clause: 0 }]);
  });
});
