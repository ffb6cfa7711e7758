import { useCodingLayers } from '../../session/SessionContext';
import { useCodebookMessages } from './messages';

/**
 * Which layer a view works on, shown only when the corpus has several: a codebook id, or '' for
 * every layer when `every` names that option.
 */
export function LayerChoice({ value, onChange, every }: { value: string; onChange(id: string): void; every?: string }) {
  const layers = useCodingLayers();
  const m = useCodebookMessages();
  if (layers.length < 2) return null;
  return (
    <label>
      {m.layer}{' '}
      <select value={value} onChange={(event) => onChange(event.target.value)}>
        {every !== undefined && <option value="">{every}</option>}
        {layers.map(({ codebook }) => (
          <option key={codebook.id} value={codebook.id}>
            {codebook.name}
          </option>
        ))}
      </select>
    </label>
  );
}
