import { useSyncExternalStore } from 'react';
import { useAppData } from '../db/app-data';
import { useIndicatorMessages } from './indicator-messages';

/** What IndexedDB has committed: a claim shows as saved only after its write has finished. */
export function SaveIndicator() {
  const { saves } = useAppData();
  const state = useSyncExternalStore(saves.subscribe, () => saves.state);
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
