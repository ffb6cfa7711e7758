import { retryFailedWrites, useSaveState } from '../db/save-status';
import { useIndicatorMessages } from './indicator-messages';

/** What IndexedDB has committed: a claim shows as saved only after its write has finished. */
export function SaveIndicator() {
  const state = useSaveState();
  const m = useIndicatorMessages();
  if (state.kind === 'error') {
    return (
      <span className="save-indicator error" role="alert">
        {m.notSaved(state.failed, state.message)}{' '}
        <button type="button" className="link light" onClick={() => retryFailedWrites()}>
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
