import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { BUILT_IN_CODEBOOKS } from '../codebooks/built-in';
import { narrativesCodebook } from '../codebooks/narratives';
import { Codebook } from '../model/codebook';
import { CODEBOOK_SCHEMA_FILE, codebookJson, codebookJsonSchema, codebookJsonSchemaText } from './codebook-json';

const refusal = (text: string) => {
  const result = codebookJson.parse(text);
  return result.ok ? [] : result.error.map((p) => `${p.path}: ${p.message}`);
};

describe('codebook JSON', () => {
  it.each(BUILT_IN_CODEBOOKS.map((c) => [c.name, c] as const))('%s travels through a file unchanged', (_, codebook) => {
    const text = codebookJson.serialize(codebook);
    expect(codebookJson.parse(text)).toEqual({ ok: true, value: codebook });
    expect(codebookJson.serialize(Codebook.parse(JSON.parse(text).codebook))).toBe(text);
  });

  it('reads a bare codebook without attribute values, as labelled JSON files embed it, with the defaults', () => {
    const { attributes, ...old } = narrativesCodebook;
    expect(codebookJson.parse(JSON.stringify(old))).toEqual({ ok: true, value: narrativesCodebook });
  });

  it('refuses broken, foreign, newer and unsound files, saying where', () => {
    expect(refusal('{"format": "framing-workbench.codebook", ')).toEqual([
      expect.stringMatching(/^\$: not valid JSON/),
    ]);
    expect(refusal('{"format": "framing-workbench/labelled-json"}')).toEqual([
      expect.stringMatching(/not a codebook file/),
    ]);
    expect(refusal('{"format": "framing-workbench.codebook", "formatVersion": 2}')).toEqual([
      expect.stringMatching(/newer Framing Workbench/),
    ]);
    const file = JSON.parse(codebookJson.serialize(narrativesCodebook));
    file.codebook.tags[1].hotkey = '1';
    expect(refusal(JSON.stringify(file))).toEqual([
      expect.stringMatching(/key "1" is already used by "Threat narrative"/),
    ]);
    file.codebook.tags[1].hotkey = 'Ж';
    expect(refusal(JSON.stringify(file))).toEqual([expect.stringMatching(/^\$\.codebook\.tags\[1\]\.hotkey: /)]);
  });

  it('says on which line and column a file stops being JSON', () => {
    expect(refusal('{\n  "format": "framing-workbench.codebook",\n  "formatVersion" 1\n}')).toEqual([
      expect.stringMatching(/line 3, column 19\)$/),
    ]);
  });

  it('refuses what is not a codebook at all without throwing', () => {
    for (const text of ['null', '[]', '42', '"codebook"', '{}', '{"format": 7}', '']) {
      expect(codebookJson.parse(text).ok, text).toBe(false);
    }
  });

  it('handles huge labels and deep junk without throwing', () => {
    const file = JSON.parse(codebookJson.serialize(narrativesCodebook));
    file.codebook.tags[0].label = 'x'.repeat(2_000_000);
    const huge = codebookJson.parse(JSON.stringify(file));
    expect(huge.ok && huge.value.tags[0]?.label.length).toBe(2_000_000);
    const deep = `${'['.repeat(100_000)}${']'.repeat(100_000)}`;
    const junk = codebookJson
      .serialize(narrativesCodebook)
      .replace('"description": "NATO', `"description": ${deep}, "x": "`);
    expect(refusal(junk)).toEqual([expect.stringMatching(/^\$\.codebook\.tags\[0\]\.description: /)]);
    expect(codebookJson.parse(deep).ok).toBe(false);
  });

  it('is not fooled by hostile keys', () => {
    const file = JSON.parse(codebookJson.serialize(narrativesCodebook));
    const hostile = JSON.stringify(file).replace('"codebook":{', '"codebook":{"__proto__":{"polluted":true},');
    const result = codebookJson.parse(hostile);
    expect(result.ok).toBe(true);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(result.ok && Object.getPrototypeOf(result.value)).toBe(Object.prototype);
    const topLevel = JSON.stringify(file).replace('{', '{"__proto__":{"format":"framing-workbench.codebook"},');
    expect(codebookJson.parse(topLevel).ok).toBe(true);
    expect(({} as Record<string, unknown>).format).toBeUndefined();
  });

  it('has its JSON Schema committed exactly as the zod schema generates it', () => {
    const committed = readFileSync(new URL(`../../../${CODEBOOK_SCHEMA_FILE}`, import.meta.url), 'utf8');
    expect(
      `${JSON.stringify(JSON.parse(committed), null, 2)}\n`,
      `${CODEBOOK_SCHEMA_FILE} is out of date; regenerate it with: npx tsx scripts/write-json-schema.ts`,
    ).toBe(codebookJsonSchemaText());
    const schema = codebookJsonSchema() as { required: string[]; properties: Record<string, { required?: string[] }> };
    expect(schema.required).toEqual(['format', 'formatVersion', 'codebook']);
    expect(schema.properties.codebook?.required).toEqual(['id', 'version', 'name', 'groups', 'tags']);
  });
});
