import type { Annotation } from '../model/annotation';
import type { Tombstone } from '../model/tombstone';
import { claimContent } from './merge';

/** What restoring a snapshot does to the claims there are now, counted for the analyst to confirm. */
export interface RestorePlan {
  /** The records to write: each claim as the snapshot had it, stamped with the time of the restore. */
  put: Annotation[];
  /** Claims the snapshot has that are deleted or gone now: they come back. */
  broughtBack: Annotation[];
  /** Claims edited since the snapshot: they go back to the snapshot's version. */
  reverted: Annotation[];
  /** Claims the snapshot had deleted that are live now: they are deleted again. */
  removed: Annotation[];
  /** Live claims the snapshot does not know (made since): they stay as they are. */
  keptSince: number;
}

/**
 * Restoring a snapshot as a merge: every claim the snapshot knows goes back to how the snapshot
 * had it (a deleted one comes back, an edited one is reverted, one it had deleted is deleted
 * again, as a tombstone, never erased), and every claim made since is kept. Written records get
 * `now` as their time, so a later merge with a colleague's file sees the restore as the newest
 * change. Pure: the caller writes `put`.
 */
export function planRestore(
  current: readonly Annotation[],
  snapshot: { annotations: readonly Annotation[]; tombstones: readonly Tombstone[] },
  now: string,
): RestorePlan {
  const byId = new Map(current.map((claim) => [claim.id, claim]));
  const plan: RestorePlan = { put: [], broughtBack: [], reverted: [], removed: [], keptSince: 0 };
  const known = new Set<string>();
  for (const claim of snapshot.annotations) {
    known.add(claim.id);
    const present = byId.get(claim.id);
    if (present && present.deletedAt === undefined && claimContent(present) === claimContent(claim)) continue;
    const restored: Annotation = { ...claim, updatedAt: now };
    delete restored.deletedAt;
    plan.put.push(restored);
    (present === undefined || present.deletedAt !== undefined ? plan.broughtBack : plan.reverted).push(restored);
  }
  for (const tombstone of snapshot.tombstones) {
    known.add(tombstone.id);
    const live = byId.get(tombstone.id);
    if (!live || live.deletedAt !== undefined) continue;
    const deleted = { ...live, deletedAt: now, updatedAt: now };
    plan.put.push(deleted);
    plan.removed.push(deleted);
  }
  plan.keptSince = current.filter((claim) => claim.deletedAt === undefined && !known.has(claim.id)).length;
  return plan;
}
