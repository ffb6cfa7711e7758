import type { Annotation } from '../../../shared/model/annotation';
import { type Codebook, tagById } from '../../../shared/model/codebook';
import { Quote } from '../../lib/Quote';

/** A claim in one line: its tags as coloured chips, its quote and who asserts it. */
export function ClaimSummary({ claim, codebook }: { claim: Annotation; codebook: Codebook }) {
  return (
    <span className="claim-summary" translate="no">
      <span className="chips">
        {claim.tags.map((id) => {
          const tag = tagById(codebook, id);
          return (
            <span key={id} className="chip" style={{ borderColor: tag?.colour ?? '#888888' }}>
              {tag?.label ?? id}
            </span>
          );
        })}
      </span>
      <Quote className="quote" text={claim.target.exact} />
      {claim.attributes.speaker && <span className="speaker">— {claim.attributes.speaker}</span>}
    </span>
  );
}
