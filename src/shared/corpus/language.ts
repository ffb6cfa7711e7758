import { eld } from 'eld/small';

/** ISO 639-1 code of the text's language, or 'und' when the detector is unsure. */
export function detectLanguage(text: string): string {
  const result = eld.detect(text.slice(0, 20_000));
  return result.language && result.isReliable() ? result.language : 'und';
}
