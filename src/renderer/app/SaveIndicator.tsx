import { useSaveState } from '../db/save-status';

/** What IndexedDB has committed: a claim shows as saved only after its write has finished. */
export function SaveIndicator() {
  const state = useSaveState();
  const text =
    state.kind === 'saved' ? 'All changes saved' : state.kind === 'saving' ? 'Saving…' : `Not saved: ${state.message}`;
  return (
    <span className={`save-indicator ${state.kind}`} role={state.kind === 'error' ? 'alert' : 'status'}>
      {text}
    </span>
  );
}
