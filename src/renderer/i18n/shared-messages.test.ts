import { describe, expect, it } from 'vitest';
import { anchorSelector } from '../../shared/anchoring/anchor';
import { sharedText } from './shared-messages';

/** Latin words left in a Russian text, apart from ids and names it quotes. */
const english = (text: string) =>
  text.replace(/«[^»]*»|\([^)]*\)|\b[0-9A-Z]{26}\b|Framing Workbench/g, '').match(/[A-Za-z]{3,}/g) ?? [];

describe('sharedText', () => {
  it('words in Russian every reason the anchoring gives, as the anchoring gives it', () => {
    const text = 'Minsk is meeting Moscow halfway. '.repeat(2000);
    const reasons = [
      anchorSelector(text, { unit: 'utf16', exact: 'zzzz qqqq' }, { sameText: false }),
      anchorSelector(text, { unit: 'utf16', start: 999_999, end: 1_000_001 }, { sameText: false }),
      anchorSelector(text, { unit: 'utf16' }, { sameText: false }),
      anchorSelector(text, { unit: 'utf16', exact: 'Moscow halfwax. Minsk' }, { sameText: false, deadline: 0 }),
      anchorSelector(text, { unit: 'utf16', exact: 'x'.repeat(600) }, { sameText: false }),
    ].flatMap((anchored) => (anchored.placed ? [] : [anchored.reason]));
    expect(reasons).toHaveLength(5);
    for (const reason of reasons) {
      const russian = sharedText(`the document changed and ${reason}`, 'ru');
      expect(english(russian), `${reason} → ${russian}`).toEqual([]);
    }
  });

  it('words import problems in Russian, keeping the ids and names they quote', () => {
    expect(sharedText('no document "a.txt" in this corpus', 'ru')).toBe('в этом корпусе нет документа «a.txt»');
    expect(
      sharedText(
        'the id 01JDA0000000000000000000A2 is already used by another claim of this file (claims.json $.annotations[1]); this one was not imported',
        'ru',
      ),
    ).toBe(
      'идентификатор 01JDA0000000000000000000A2 уже занят другим утверждением этого файла (claims.json $.annotations[1]); это не импортировано',
    );
  });

  it('leaves English as it is, and a message it does not know unchanged', () => {
    expect(sharedText('the quote is not in this text', 'en')).toBe('the quote is not in this text');
    expect(sharedText('something new', 'ru')).toBe('something new');
  });
});
