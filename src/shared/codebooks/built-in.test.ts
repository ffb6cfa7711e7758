import { describe, expect, it } from 'vitest';
import { Codebook } from '../model/codebook';
import { BUILT_IN_CODEBOOKS, DEFAULT_CODEBOOK_ID } from './built-in';
import { codebookProblems } from './edit';

const labels = (id: string) => BUILT_IN_CODEBOOKS.find((c) => c.id === id)?.tags.map((t) => t.label) ?? [];

describe('the codebooks that ship', () => {
  it.each(BUILT_IN_CODEBOOKS.map((c) => [c.name, c] as const))('%s is a sound codebook', (_, codebook) => {
    expect(Codebook.parse(codebook)).toEqual(codebook);
    expect(codebookProblems(codebook)).toEqual([]);
    expect(new Set(codebook.tags.map((t) => t.colour.toLowerCase())).size).toBe(codebook.tags.length);
    for (const tag of codebook.tags) expect(tag.description.length, tag.label).toBeGreaterThan(20);
  });

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
