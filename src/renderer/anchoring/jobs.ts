import { ulid } from 'ulid';
import type { Interchange } from '../../shared/formats/interchange';
import { type CorpusText, type ImportContext, type ImportPlan, planImport } from '../../shared/import/plan-import';
import { type Reanchoring, reanchorClaims } from '../../shared/import/reanchor';
import type { Annotation } from '../../shared/model/annotation';

/** What the window asks of the anchoring worker: everything but functions, which cannot cross. */
export type AnchoringJob =
  | { kind: 'plan'; file: Interchange; context: Omit<ImportContext, 'newId' | 'onProgress'> }
  | { kind: 'reanchor'; claims: readonly Annotation[]; doc: CorpusText; now: string; deadline?: number };

export type AnchoringReply =
  | { kind: 'progress'; done: number; total: number }
  | { kind: 'planned'; plan: ImportPlan }
  | { kind: 'reanchored'; reanchoring: Reanchoring }
  | { kind: 'failed'; message: string };

/** How often progress is told: often enough to move a bar, rarely enough to cost nothing. */
const PROGRESS_EVERY_MS = 100;

/** Does one job, telling `reply` its progress and then its outcome. */
export function perform(job: AnchoringJob, reply: (message: AnchoringReply) => void): void {
  try {
    if (job.kind === 'reanchor') {
      reply({ kind: 'reanchored', reanchoring: reanchorClaims(job.claims, job.doc, job.now, ulid, job.deadline) });
      return;
    }
    let told = 0;
    const plan = planImport(job.file, {
      ...job.context,
      newId: ulid,
      onProgress(done, total) {
        const now = Date.now();
        if (now - told < PROGRESS_EVERY_MS) return;
        told = now;
        reply({ kind: 'progress', done, total });
      },
    });
    reply({ kind: 'progress', done: job.file.claims.length, total: job.file.claims.length });
    reply({ kind: 'planned', plan });
  } catch (error) {
    reply({ kind: 'failed', message: error instanceof Error ? error.message : String(error) });
  }
}
