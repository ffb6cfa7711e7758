import { z } from 'zod';

export const Tag = z.object({
  id: z.string().min(1),
  label: z.string().min(1),
  colour: z.string().regex(/^#[0-9a-f]{6}$/i),
  hotkey: z.string().length(1),
  description: z.string(),
  group: z.string(),
});

export const TagGroup = z.object({
  id: z.string().min(1),
  label: z.string().min(1),
});

export const Codebook = z.object({
  id: z.string().min(1),
  version: z.number().int().positive(),
  name: z.string().min(1),
  groups: z.array(TagGroup),
  tags: z.array(Tag),
});

export type Tag = z.infer<typeof Tag>;
export type Codebook = z.infer<typeof Codebook>;

export function tagById(codebook: Codebook, id: string): Tag | undefined {
  return codebook.tags.find((tag) => tag.id === id);
}

export function tagByHotkey(codebook: Codebook, key: string): Tag | undefined {
  return codebook.tags.find((tag) => tag.hotkey === key);
}
