import { useSyncExternalStore } from 'react';
import { useAppData } from '../db/app-data';
import { FrameScheduler, useAfterPaint } from '../lib/after-paint';
import { useIndicatorMessages } from './indicator-messages';

/**
 * What IndexedDB has committed: a claim shows as saved only after its write has finished. A backup
 * that failed is shown beside it, with the reason, until one succeeds.
 */
export function SaveIndicator() {
  const { saves } = useAppData();
  const backup = useSyncExternalStore(saves.subscribe, () => saves.backup);
  const m = useIndicatorMessages();
  return (
    <>
      <SaveState />
      {backup.kind === 'failed' && (
        <span className="save-indicator error" role="alert" title={backup.reason}>
          {m.backupFailed(backup.reason)}
        </span>
      )}
    </>
  );
}

/**
 * The indicator follows a frame after the work it reports: the frame of a key press draws the new
 * claim and nothing else.
 */
const indicatorFrames = new FrameScheduler();

function SaveState() {
  const { saves } = useAppData();
  const state = useAfterPaint(
    useSyncExternalStore(saves.subscribe, () => saves.state),
    indicatorFrames,
  );
  const m = useIndicatorMessages();
  if (state.kind === 'error') {
    return (
      <span className="save-indicator error" role="alert">
        {m.notSaved(state.failed, state.message)}{' '}
        <button type="button" className="link light" onClick={() => saves.retry()}>
          {m.retry}
        </button>
      </span>
    );
  }
  return (
    <span className={`save-indicator ${state.kind}`} role="status">
      {state.kind === 'saved' ? m.saved : m.saving}
    </span>
  );
}
