import { chooseCodebook, setLayers } from '../../db/codebooks';
import { useCodebook, useCodingLayers, useSession } from '../../session/SessionContext';
import { useCodebookMessages } from './messages';

/**
 * The corpus's layers, when it has more than one: which one's keys tag the text (` switches), and
 * whether each is shown in the reader.
 */
export function LayerList() {
  const session = useSession();
  const current = useCodebook();
  const layers = useCodingLayers();
  const m = useCodebookMessages();
  if (layers.length < 2) return null;
  const stored = layers.map((l) => ({ id: l.codebook.id, shown: l.shown }));
  return (
    <section className="layer-list" aria-label={m.layers}>
      <h2 className="panel-title">{m.layers}</h2>
      <ul>
        {layers.map(({ codebook, shown }, index) => (
          <li key={codebook.id} className={codebook.id === current.id ? 'current' : undefined}>
            <label>
              <input
                type="checkbox"
                checked={shown}
                onChange={() =>
                  setLayers(
                    session,
                    stored.map((l) => (l.id === codebook.id ? { ...l, shown: !l.shown } : l)),
                  )
                }
              />{' '}
              {/* Underlined as its claims are in the reader: solid, dotted, dashed. */}
              <span translate="no" className={`layer-style layer-style-${Math.min(index, 2)}`}>
                {codebook.name}
              </span>
            </label>
            {codebook.id === current.id ? (
              <span className="muted small">{m.keysHere}</span>
            ) : (
              <button type="button" className="link" onClick={() => chooseCodebook(session, codebook.id)}>
                {m.useKeys}
              </button>
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}
