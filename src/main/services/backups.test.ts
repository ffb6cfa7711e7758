import { mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { narrativesCodebook } from '../../shared/codebooks/narratives';
import { labelledJson, toLabelledJson } from '../../shared/formats/labelled-json';
import { backupFolder } from './backups';

/** How many atomic writes run at once, and a hook run before each stat (to remove a file under it). */
const watch = vi.hoisted(() => ({
  writing: 0,
  mostWriting: 0,
  beforeStat: undefined as ((path: string) => Promise<void>) | undefined,
}));

vi.mock('./atomic-write', async (importOriginal) => {
  const real = await importOriginal<typeof import('./atomic-write')>();
  return {
    ...real,
    async writeFileAtomic(...args: Parameters<typeof real.writeFileAtomic>) {
      watch.mostWriting = Math.max(watch.mostWriting, ++watch.writing);
      try {
        return await real.writeFileAtomic(...args);
      } finally {
        watch.writing--;
      }
    },
  };
});

vi.mock('node:fs/promises', async (importOriginal) => {
  const real = await importOriginal<typeof import('node:fs/promises')>();
  return {
    ...real,
    async stat(...args: Parameters<typeof real.stat>) {
      await watch.beforeStat?.(String(args[0]));
      return real.stat(...args);
    },
  };
});

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
  watch.mostWriting = 0;
  watch.beforeStat = undefined;
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

  it('takes many writes at once, one at a time, keeping the newest and losing none to a race', async () => {
    const backups = backupFolder(dir, 3);
    const times = Array.from({ length: 12 }, (_, i) => new Date(Date.UTC(2026, 10, 22, 10, 10 + i)));
    const written = await Promise.all(times.map((time, i) => backups.write(snapshot(`w${i}`), time)));
    expect(watch.mostWriting).toBe(1);
    expect(written.map((b) => b.time)).toEqual(times.map((t) => t.toISOString()));
    expect((await backups.list()).map((b) => b.time.slice(11, 16))).toEqual(['10:21', '10:20', '10:19']);
    expect((await readdir(dir)).filter((n) => !n.startsWith('backup-'))).toEqual([]);
    // Another folder object on the same folder, and a listing while they write, wait their turn too.
    const other = backupFolder(dir, 3);
    const late = new Date(Date.UTC(2026, 10, 22, 11, 0));
    const [, , listed] = await Promise.all([
      backups.write(snapshot('x'), late),
      other.write(snapshot('y'), new Date(late.getTime() + 1)),
      other.list(),
    ]);
    expect(listed.length).toBeLessThanOrEqual(3);
    expect((await backups.list()).map((b) => b.time.slice(11, 23))).toEqual([
      '11:00:00.001',
      '11:00:00.000',
      '10:21:00.000',
    ]);
  });

  it('rotates past a snapshot someone else removed after it was listed', async () => {
    const backups = backupFolder(dir, 1);
    await backups.write(snapshot('a'), new Date('2026-11-22T10:00:00.000Z'));
    const [old] = await readdir(dir);
    // Another app window rotates the same folder between our readdir and our stat of its file.
    watch.beforeStat = async (path) => {
      if (path.endsWith(old as string)) await rm(path, { force: true });
    };
    const written = await backups.write(snapshot('b'), new Date('2026-11-22T10:01:00.000Z'));
    expect(written.time).toBe('2026-11-22T10:01:00.000Z');
    expect((await backups.list()).map((b) => b.time)).toEqual(['2026-11-22T10:01:00.000Z']);
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
