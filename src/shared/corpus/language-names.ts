const names = new Intl.DisplayNames(['en'], { type: 'language' });

/** "ru" → "Russian"; the detector's "und" (undetermined) reads as such. */
export function languageName(code: string): string {
  if (code === 'und') return 'Language not detected';
  try {
    return names.of(code) ?? code;
  } catch {
    return code;
  }
}
