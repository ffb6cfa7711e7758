import { describe, expect, it } from 'vitest';
import { narrativesCodebook } from '../codebooks/narratives';
import { policyFramesCodebook } from '../codebooks/policy-frames';
import { TagBook } from './tag-book';

const v2 = {
  ...narrativesCodebook,
  version: 2,
  tags: narrativesCodebook.tags
    .filter((t) => t.id !== 'military-cooperation')
    .map((t) => (t.id === 'threat-narrative' ? { ...t, label: 'Threat framing', colour: '#112233' } : t)),
};
const book = new TagBook([narrativesCodebook, policyFramesCodebook, v2]);
const v1Claim = { codebookId: 'narratives', codebookVersion: 1 };

describe('TagBook', () => {
  it('resolves a claim’s tag through the version it was made with, whatever codebook is active', () => {
    expect(book.tag(v1Claim, 'threat-narrative')).toMatchObject({
      label: 'Threat narrative',
      retired: false,
      missing: false,
    });
    expect(book.tag({ codebookId: 'narratives', codebookVersion: 2 }, 'threat-narrative')).toMatchObject({
      label: 'Threat framing',
      colour: '#112233',
    });
  });

  it('keeps a tag removed in a later version with its last label, marked retired', () => {
    expect(book.tag(v1Claim, 'military-cooperation')).toMatchObject({ label: 'Military cooperation', retired: true });
    expect(book.tag({ codebookId: 'narratives', codebookVersion: 2 }, 'military-cooperation')).toMatchObject({
      label: 'Military cooperation',
      retired: true,
    });
  });

  it('says when the claim’s codebook is not here at all', () => {
    expect(book.tag({ codebookId: 'frames-2027', codebookVersion: 3 }, 'x')).toMatchObject({
      label: 'x',
      missing: true,
    });
  });

  it('finds a tag known only by its id in the newest codebook that has it', () => {
    expect(book.anyTag('economic').label).toBe(policyFramesCodebook.tags.find((t) => t.id === 'economic')?.label);
    expect(book.anyTag('threat-narrative', v2).label).toBe('Threat framing');
  });
});
