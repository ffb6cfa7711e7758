import { mkdir, readdir, readFile, rm, stat } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { labelledJson } from '../../shared/formats/labelled-json';
import type { BackupInfo } from '../../shared/host-api';
import { writeFileAtomic } from './atomic-write';

/** Only names the app itself writes are ever read back: no path can be smuggled in. */
export const BACKUP_NAME = /^backup-\d{8}T\d{9}Z-\d+\.json$/;

/** The work waiting on each backup folder (by absolute path), so that one thing happens in it at a time. */
const queues = new Map<string, Promise<unknown>>();

/** Runs `task` after everything queued on `dir` before it has settled, however that went. */
function serially<T>(dir: string, task: () => Promise<T>): Promise<T> {
  const key = resolve(dir);
  const previous = queues.get(key) ?? Promise.resolve();
  const run = previous.then(task, task);
  const settled = run.then(
    () => undefined,
    () => undefined,
  );
  queues.set(key, settled);
  void settled.then(() => {
    if (queues.get(key) === settled) queues.delete(key);
  });
  return run;
}

const isGone = (error: unknown) => (error as NodeJS.ErrnoException | undefined)?.code === 'ENOENT';

/**
 * Rotating snapshots of the analyst's work as native JSON in one folder: each written atomically
 * (a crash mid-write leaves the earlier ones whole), the oldest removed beyond `keep`. Writes and
 * listings of one folder take turns, even from several `backupFolder` objects, so two writes never
 * rotate the same snapshot; a snapshot removed by someone else meanwhile is simply not listed.
 */
export function backupFolder(dir: string, keep = 20) {
  const listNow = async (): Promise<BackupInfo[]> => {
    await mkdir(dir, { recursive: true });
    const names = (await readdir(dir))
      .filter((name) => BACKUP_NAME.test(name))
      .sort()
      .reverse();
    const found = await Promise.all(
      names.map(async (name): Promise<BackupInfo | undefined> => {
        try {
          const { size } = await stat(join(dir, name));
          return { name, time: timeOf(name), claims: claimsOf(name), bytes: size };
        } catch (error) {
          if (isGone(error)) return undefined;
          throw error;
        }
      }),
    );
    return found.filter((info) => info !== undefined);
  };
  return {
    list: () => serially(dir, listNow),
    async write(content: string, now = new Date()): Promise<BackupInfo> {
      const claims = countClaims(content);
      return serially(dir, async () => {
        await mkdir(dir, { recursive: true });
        // The count goes into the name, so the list can show it without reading every snapshot.
        const name = `backup-${now.toISOString().replace(/[-:.]/g, '')}-${claims}.json`;
        await writeFileAtomic(join(dir, name), content);
        for (const old of (await listNow()).slice(keep)) await rm(join(dir, old.name), { force: true });
        return { name, time: timeOf(name), claims, bytes: Buffer.byteLength(content) };
      });
    },
    async read(name: string): Promise<string> {
      if (!BACKUP_NAME.test(name)) throw new Error(`Not a backup name: ${name}`);
      return readFile(join(dir, name), 'utf8');
    },
  };
}

/** A snapshot must be labelled JSON; its claims are counted for the list. */
function countClaims(content: string): number {
  const parsed = labelledJson.parse(content);
  if (!parsed.ok) throw new Error(`Not a labelled JSON snapshot: ${parsed.error[0]?.path} ${parsed.error[0]?.message}`);
  return parsed.value.annotations.length;
}

const claimsOf = (name: string) => Number(/-(\d+)\.json$/.exec(name)?.[1] ?? 0);

/** backup-20261122T101500123Z-42.json → 2026-11-22T10:15:00.123Z */
function timeOf(name: string): string {
  const [, d, t, ms] = /backup-(\d{8})T(\d{6})(\d{3})Z/.exec(name) ?? [];
  if (!d || !t || !ms) return '';
  return `${d.slice(0, 4)}-${d.slice(4, 6)}-${d.slice(6)}T${t.slice(0, 2)}:${t.slice(2, 4)}:${t.slice(4)}.${ms}Z`;
}
