/**
 * A message that holds names from the corpus or a codebook ("Edit “Narratives”…"): the names are
 * marked as not to be translated, so that the interface's own words can be told from the data.
 */
export function WithNames({ text, names }: { text: string; names: readonly string[] }) {
  const wanted = names.filter(Boolean);
  if (wanted.length === 0) return text;
  const escaped = wanted.map((name) => name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  const parts = text.split(new RegExp(`(${escaped.join('|')})`));
  return parts.map((part, i) =>
    wanted.includes(part) ? (
      // biome-ignore lint/suspicious/noArrayIndexKey: the parts of one fixed string, in order
      <span key={i} translate="no">
        {part}
      </span>
    ) : (
      part
    ),
  );
}
