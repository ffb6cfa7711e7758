import type { Annotation } from '../../../shared/model/annotation';
import type { Cluster } from '../../../shared/review/compare';
import { passageAround } from '../../../shared/text/offsets';
import { useReviewMessages } from './messages';

const CONTEXT = 90;

interface Props {
  text: string;
  cluster: Cluster;
  annotators: readonly string[];
  colourOf(annotator: string): string;
}

/** The passage around a disagreement once per annotator, each lane marking what that annotator claimed. */
export function ContextLanes({ text, cluster, annotators, colourOf }: Props) {
  const m = useReviewMessages();
  const { from, to } = passageAround(text, cluster.start, cluster.end, CONTEXT);
  return (
    <fieldset className="context-lanes" aria-label={m.passage}>
      {annotators.map((name) => {
        const mine = cluster.claims.filter((c) => c.annotator === name);
        return (
          <div key={name} className="context-lane" style={{ borderColor: colourOf(name) }}>
            <span className="lane-label" translate="no">
              {name}
            </span>
            <span className="lane-text" translate="no">
              {from > 0 && '…'}
              {pieces(text, from, to, mine).map((piece) =>
                piece.marked ? (
                  <mark key={piece.start} style={{ backgroundColor: `${colourOf(name)}40` }}>
                    {piece.text}
                  </mark>
                ) : (
                  <span key={piece.start}>{piece.text}</span>
                ),
              )}
              {to < text.length && '…'}
            </span>
          </div>
        );
      })}
    </fieldset>
  );
}

/** [from, to) cut where the claims begin and end, each piece marked when a claim covers it. */
function pieces(text: string, from: number, to: number, claims: readonly Annotation[]) {
  const cuts = new Set([from, to]);
  for (const c of claims) {
    cuts.add(Math.min(Math.max(c.target.start, from), to));
    cuts.add(Math.min(Math.max(c.target.end, from), to));
  }
  const points = [...cuts].sort((a, b) => a - b);
  return points.slice(0, -1).map((start, i) => {
    const end = points[i + 1] as number;
    return {
      start,
      text: text.slice(start, end),
      marked: claims.some((c) => c.target.start <= start && c.target.end >= end),
    };
  });
}
