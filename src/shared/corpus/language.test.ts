import { describe, expect, it } from 'vitest';
import { detectLanguage } from './language';

describe('detectLanguage', () => {
  it.each([
    ['en', 'Belarus is ready for joint exercises with NATO, the defence chief told the newspaper on Monday.'],
    ['ru', 'Россия и Белоруссия будут координировать действия при выстраивании отношений с НАТО.'],
    ['uk', 'Україна та Польща домовилися про спільні навчання біля кордону з Білоруссю наступного тижня.'],
    ['be', 'Беларусь і Расія падпісалі новыя дамовы аб інтэграцыі ў рамках Саюзнай дзяржавы ўчора ўвечары.'],
    ['pl', 'Białoruś i Rosja podpisały nowe porozumienia o integracji w ramach Państwa Związkowego.'],
    ['de', 'Weißrussland und Russland haben neue Abkommen über die Integration im Unionsstaat unterzeichnet.'],
    ['fr', "La Biélorussie et la Russie ont signé de nouveaux accords sur l'intégration au sein de l'État de l'Union."],
  ])('recognises %s', (code, text) => {
    expect(detectLanguage(text)).toBe(code);
  });

  it('says "und" when there is nothing to go on', () => {
    expect(detectLanguage('12:45 | 3 4 5 | ++')).toBe('und');
  });
});
