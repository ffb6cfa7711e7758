import { mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { narrativesCodebook } from '../../shared/codebooks/narratives';
import { labelledJson, toLabelledJson } from '../../shared/formats/labelled-json';
import { backupFolder } from './backups';

/** A snapshot as the app writes it, with no claims (enough to tell snapshots apart by time). */
const snapshot = (annotator: string) =>
  labelledJson.serialize(
    toLabelledJson({
      exportedAt: '2026-11-22T10:00:00.000Z',
      app: { name: 'Framing Workbench', version: '0' },
      annotator,
      codebook: narrativesCodebook,
      documents: [],
      annotations: [],
    }),
  );

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'framing-backups-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('backupFolder', () => {
  it('writes snapshots, lists them newest first with their times, and reads them back', async () => {
    const backups = backupFolder(dir);
    await backups.write(snapshot('first'), new Date('2026-11-22T10:15:00.123Z'));
    await backups.write(snapshot('second'), new Date('2026-11-22T10:20:00.000Z'));
    const list = await backups.list();
    expect(list.map((b) => [b.time, b.claims])).toEqual([
      ['2026-11-22T10:20:00.000Z', 0],
      ['2026-11-22T10:15:00.123Z', 0],
    ]);
    expect(await backups.read(list[1]?.name as string)).toBe(snapshot('first'));
  });

  it('keeps only the newest snapshots', async () => {
    const backups = backupFolder(dir, 3);
    for (let minute = 10; minute < 16; minute++) {
      await backups.write(snapshot(`m${minute}`), new Date(`2026-11-22T10:${minute}:00.000Z`));
    }
    expect((await backups.list()).map((b) => b.time.slice(11, 16))).toEqual(['10:15', '10:14', '10:13']);
    expect((await readdir(dir)).filter((n) => n.endsWith('.tmp'))).toEqual([]);
  });

  it('refuses content that is not a labelled-JSON snapshot, writing nothing', async () => {
    const backups = backupFolder(dir);
    await expect(backups.write('{"not": "a snapshot"}')).rejects.toThrow(/Not a labelled JSON snapshot/);
    expect(await readdir(dir)).toEqual([]);
  });

  it('reads nothing but its own backup names', async () => {
    await writeFile(join(dir, 'secret.json'), 'no');
    const backups = backupFolder(dir);
    await expect(backups.read('../secret.json')).rejects.toThrow(/Not a backup name/);
    await expect(backups.read('secret.json')).rejects.toThrow(/Not a backup name/);
    expect(await backups.list()).toEqual([]);
  });
});
