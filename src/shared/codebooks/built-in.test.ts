import { describe, expect, it } from 'vitest';
import { Codebook } from '../model/codebook';
import { BUILT_IN_CODEBOOKS, DEFAULT_CODEBOOK_ID } from './built-in';
import { codebookProblems } from './edit';

const channels = (hex: string) => [1, 3, 5].map((i) => Number.parseInt(hex.slice(i, i + 2), 16) / 255);
const linear = (c: number) => (c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4);
const luminance = (rgb: number[]) => {
  const [r = 0, g = 0, b = 0] = rgb.map(linear);
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
};
/** WCAG's contrast ratio. */
const contrast = (a: number[], b: number[]) => {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
};
/** Distance in Oklab, where equal distances look about equally different. */
const oklabDistance = (a: number[], b: number[]) => {
  const oklab = (rgb: number[]) => {
    const [r = 0, g = 0, b = 0] = rgb.map(linear);
    const l = Math.cbrt(0.4122214708 * r + 0.5363325363 * g + 0.0514459929 * b);
    const m = Math.cbrt(0.2119034982 * r + 0.6806995451 * g + 0.1073969566 * b);
    const s = Math.cbrt(0.0883024619 * r + 0.2817188376 * g + 0.6299787005 * b);
    return [
      0.2104542553 * l + 0.793617785 * m - 0.0040720468 * s,
      1.9779984951 * l - 2.428592205 * m + 0.4505937099 * s,
      0.0259040371 * l + 0.7827717662 * m - 0.808675766 * s,
    ];
  };
  const [p, q] = [oklab(a), oklab(b)];
  return Math.hypot(...p.map((v, i) => v - (q[i] ?? 0)));
};
const tint = (colour: number[], background: number[], alpha: number) =>
  colour.map((v, i) => v * alpha + (background[i] ?? 0) * (1 - alpha));
const WHITE = channels('#ffffff');
const DARK = channels('#1e1e1e');

const labels = (id: string) => BUILT_IN_CODEBOOKS.find((c) => c.id === id)?.tags.map((t) => t.label) ?? [];

describe('the codebooks that ship', () => {
  it.each(BUILT_IN_CODEBOOKS.map((c) => [c.name, c] as const))('%s is a sound codebook', (_, codebook) => {
    expect(Codebook.parse(codebook)).toEqual(codebook);
    expect(codebookProblems(codebook)).toEqual([]);
    expect(new Set(codebook.tags.map((t) => t.colour.toLowerCase())).size).toBe(codebook.tags.length);
    for (const tag of codebook.tags) expect(tag.description.length, tag.label).toBeGreaterThan(20);
  });

  it.each(BUILT_IN_CODEBOOKS.map((c) => [c.name, c] as const))(
    '%s has colours that read on light and dark pages and tell its tags apart',
    (_, codebook) => {
      for (const tag of codebook.tags) {
        const colour = channels(tag.colour);
        // The underline under a claim, in the full colour, stands out on either page…
        expect(contrast(colour, WHITE), `${tag.label} on white`).toBeGreaterThanOrEqual(2.5);
        expect(contrast(colour, DARK), `${tag.label} on dark`).toBeGreaterThanOrEqual(2.5);
        // …and so does the 30% band behind its text.
        expect(oklabDistance(tint(colour, WHITE, 0.3), WHITE), `${tag.label} band on white`).toBeGreaterThan(0.08);
        expect(oklabDistance(tint(colour, DARK, 0.3), DARK), `${tag.label} band on dark`).toBeGreaterThan(0.08);
      }
      for (const [i, a] of codebook.tags.entries()) {
        for (const b of codebook.tags.slice(i + 1)) {
          const distance = oklabDistance(channels(a.colour), channels(b.colour));
          expect(distance, `${a.label} vs ${b.label}`).toBeGreaterThanOrEqual(0.1);
        }
      }
    },
  );

  it('are Narratives (the default), the 14 policy frames and the 23 persuasion techniques of DESIGN.md', () => {
    expect(DEFAULT_CODEBOOK_ID).toBe('narratives');
    expect(labels('narratives')).toContain('Threat narrative');
    expect(labels('narratives')).toContain('Integration');
    expect(labels('policy-frames')).toEqual([
      'Economic',
      'Capacity and resources',
      'Morality',
      'Fairness and equality',
      'Legality, constitutionality and jurisprudence',
      'Policy prescription and evaluation',
      'Crime and punishment',
      'Security and defense',
      'Health and safety',
      'Quality of life',
      'Cultural identity',
      'Public opinion',
      'Political',
      'External regulation and reputation',
    ]);
    expect([...labels('persuasion-techniques')].sort()).toEqual(
      [
        'Appeal to authority',
        'Appeal to popularity',
        'Appeal to values',
        'Appeal to fear/prejudice',
        'Flag waving',
        'Causal oversimplification',
        'False dilemma / no choice',
        'Consequential oversimplification',
        'Straw man',
        'Red herring',
        'Whataboutism',
        'Slogans',
        'Appeal to time',
        'Conversation killer',
        'Loaded language',
        'Repetition',
        'Exaggeration / minimisation',
        'Obfuscation / vagueness / confusion',
        'Name calling / labeling',
        'Doubt',
        'Guilt by association',
        'Appeal to hypocrisy',
        'Questioning the reputation',
      ].sort(),
    );
  });
});
