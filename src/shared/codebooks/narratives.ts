import { type Codebook, DEFAULT_ATTRIBUTES } from '../model/codebook';

/** The narratives seen in the sample corpus (DESIGN.md, "Reference facts"). */
export const narrativesCodebook: Codebook = {
  id: 'narratives',
  version: 1,
  name: 'Narratives',
  description: 'The narratives of Russian and Belarusian coverage of NATO, integration and sanctions.',
  groups: [{ id: 'narratives', label: 'Narratives' }],
  tags: [
    {
      id: 'threat-narrative',
      label: 'Threat narrative',
      colour: '#e4572e',
      hotkey: '1',
      description: 'NATO or the West presented as a military threat to Russia and Belarus.',
      group: 'narratives',
    },
    {
      id: 'integration',
      label: 'Integration',
      colour: '#2e86de',
      hotkey: '2',
      description: 'Russia–Belarus integration and the Union State presented as natural or needed.',
      group: 'narratives',
    },
    {
      id: 'sanctions-pressure',
      label: 'Sanctions and Western pressure',
      colour: '#e0922f',
      hotkey: '3',
      description: 'Western sanctions and pressure on Belarus or Russia, as cause or grievance.',
      group: 'narratives',
    },
    {
      id: 'sovereignty-balancing',
      label: 'Sovereignty and balancing',
      colour: '#3bb273',
      hotkey: '4',
      description: 'Belarus balancing between Russia and the West: sovereignty, multi-vector policy.',
      group: 'narratives',
    },
    {
      id: 'military-cooperation',
      label: 'Military cooperation',
      colour: '#8e5ad6',
      hotkey: '5',
      description: 'Military cooperation: the CSTO, joint drills, shared defence plans.',
      group: 'narratives',
    },
    {
      id: 'loyalty-for-support',
      label: 'Loyalty for economic support',
      colour: '#d64f9c',
      hotkey: '6',
      description: 'Political loyalty traded for economic support, loans or cheap energy.',
      group: 'narratives',
    },
  ],
  attributes: DEFAULT_ATTRIBUTES,
};
