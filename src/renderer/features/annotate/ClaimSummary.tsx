import type { Annotation } from '../../../shared/model/annotation';
import { Quote } from '../../lib/Quote';
import { TagChip } from '../../lib/TagChip';
import { useTagBook } from '../../session/SessionContext';

/** A claim in one line: its tags as coloured chips (as its own codebook has them), its quote and who asserts it. */
export function ClaimSummary({ claim, withAnnotator = false }: { claim: Annotation; withAnnotator?: boolean }) {
  const tagBook = useTagBook();
  return (
    <span className="claim-summary" translate="no">
      <span className="chips">
        {claim.tags.map((id) => (
          <TagChip key={id} tag={tagBook.tag(claim, id)} codebookId={claim.codebookId} />
        ))}
      </span>
      <Quote className="quote" text={claim.target.exact} />
      {claim.attributes.speaker && <span className="speaker">— {claim.attributes.speaker}</span>}
      {withAnnotator && <span className="claim-annotator">{claim.annotator}</span>}
    </span>
  );
}
