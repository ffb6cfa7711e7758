import { retryFailedWrites, useSaveState } from '../db/save-status';

/** What IndexedDB has committed: a claim shows as saved only after its write has finished. */
export function SaveIndicator() {
  const state = useSaveState();
  if (state.kind === 'error') {
    return (
      <span className="save-indicator error" role="alert">
        Not saved ({state.failed} {state.failed === 1 ? 'change' : 'changes'}): {state.message}{' '}
        <button type="button" className="link light" onClick={() => retryFailedWrites()}>
          Retry
        </button>
      </span>
    );
  }
  return (
    <span className={`save-indicator ${state.kind}`} role="status">
      {state.kind === 'saved' ? 'All changes saved' : 'Saving…'}
    </span>
  );
}
