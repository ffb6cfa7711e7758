import { describe, expect, it } from 'vitest';
import { narrativesCodebook } from '../codebooks/narratives';
import { qdpxFormat } from '../formats/qdpx';
import { planImport } from './plan-import';
import { textsAsCorpus } from './texts-as-corpus';

describe('textsAsCorpus', () => {
  it('names each text after its document, safely, once', () => {
    const files = textsAsCorpus([
      { id: 'news/Статья 1.txt', text: 'a' },
      { id: '../../etc/passwd', text: 'b' },
      { id: 'article', text: 'c' },
      { id: 'Article', text: 'd' },
      { id: 'C:\\texts\\x?.txt', text: 'e' },
      { id: '..', text: 'f' },
    ]);
    expect(files.map((f) => f.name)).toEqual([
      'news/Статья 1.txt',
      'etc/passwd.txt',
      'article.txt',
      'Article-2.txt',
      'C-/texts/x-.txt',
      'document.txt',
    ]);
    expect(files.map((f) => f.content).join('')).toBe('abcdef');
  });
});

describe('a project’s texts saved as a corpus', () => {
  it('take the project’s claims when it is imported again', () => {
    const text = 'Лукашенко заявил, что Союзное государство защитит себя от давления Запада.\r\nЭто угроза.';
    const qde = `<Project xmlns="urn:QDA-XML:project:1.0" name="p"><Users><User guid="AAAAAAAA-0000-0000-0000-000000000001" name="Olga"/></Users>
<CodeBook><Codes><Code guid="CCCCCCCC-0000-0000-0000-000000000001" name="Threat narrative" isCodable="true"/></Codes></CodeBook>
<Sources><TextSource guid="DDDDDDDD-0000-0000-0000-000000000001" name="belta" plainTextPath="internal://d.txt">
<PlainTextSelection guid="00000000-0000-0000-0000-000000000001" name="защитит себя от давления Запада" startPosition="42" endPosition="73" creatingUser="AAAAAAAA-0000-0000-0000-000000000001">
<Coding guid="00000000-0000-0000-0001-000000000001"><CodeRef targetGUID="CCCCCCCC-0000-0000-0000-000000000001"/></Coding></PlainTextSelection>
</TextSource></Sources></Project>`;
    const parsed = qdpxFormat.parse?.([
      { name: 'p.qdpx/project.qde', content: qde },
      { name: 'p.qdpx/sources/d.txt', content: text },
    ]);
    if (!parsed?.ok) throw new Error('refused');
    const context = {
      source: 'p.qdpx',
      fallbackAnnotator: 'imported',
      codebook: narrativesCodebook,
      now: '2026-12-05T12:00:00.000Z',
      newId: () => '01JDB0000000000000000000B1',
      existing: new Map(),
    };
    expect(planImport(parsed.value, { ...context, texts: new Map() }).orphans).toHaveLength(1);
    const corpus = textsAsCorpus(parsed.value.documents.map((d) => ({ id: d.id, text: d.text ?? '' })));
    const texts = new Map(corpus.map((f) => [f.name, { id: f.name, sha256: 'f'.repeat(64), text: f.content }]));
    const plan = planImport(parsed.value, { ...context, texts });
    expect(plan.add.map((c) => [c.documentId, c.target.exact, c.tags, c.annotator])).toEqual([
      ['belta.txt', 'защитит себя от давления Запада', ['threat-narrative'], 'Olga'],
    ]);
  });
});
