import type { Codebook } from '../model/codebook';
import { narrativesCodebook } from './narratives';
import { persuasionTechniquesCodebook } from './persuasion-techniques';
import { policyFramesCodebook } from './policy-frames';

/** The codebooks every installation starts with; a project picks one and may edit it into later versions. */
export const BUILT_IN_CODEBOOKS: readonly Codebook[] = [
  narrativesCodebook,
  policyFramesCodebook,
  persuasionTechniquesCodebook,
];

export const DEFAULT_CODEBOOK_ID = narrativesCodebook.id;
