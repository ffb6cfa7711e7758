import type { Annotation } from '../../../shared/model/annotation';
import { useLanguage } from '../../i18n/language';
import { useReviewMessages } from './messages';

// Like toFixed(3), with the language's decimal mark; no sign on a value that rounds to zero.
const THREE_DECIMALS: Intl.NumberFormatOptions = {
  minimumFractionDigits: 3,
  maximumFractionDigits: 3,
  signDisplay: 'negative',
};

/** A figure with a bar as long as the value, so a column of them reads as a chart. */
export function Score({ value, note }: { value: number | null | undefined; note?: string }) {
  const language = useLanguage();
  const m = useReviewMessages();
  if (value === null || value === undefined) return <span title={note ?? m.undefined}>—</span>;
  return (
    <span className="score">
      <span className="bar" style={{ width: `${Math.max(0, Math.min(1, value)) * 100}%` }} />
      {value.toLocaleString(language, THREE_DECIMALS)}
    </span>
  );
}

/** How a gold claim was decided: from whose claims, by whom and why. */
export function Decided({ claim, className }: { claim: Annotation; className: string }) {
  const m = useReviewMessages();
  const p = claim.provenance;
  if (!p) return null;
  return (
    <span className={className}>
      {' '}
      {m.decided(p.decision, p.sources.map((s) => s.annotator).join(' + '), p.decidedBy, p.rationale)}
    </span>
  );
}
