/** How strongly the largest value tints its cell: enough to see, never so much that text fades. */
const MOST_TINT = 45;

/** A heat-map cell's background for a value's fraction (0–1) of the table's largest. */
export const heat = (fraction: number) => ({
  backgroundColor: `color-mix(in srgb, var(--accent) ${Math.round(fraction * MOST_TINT)}%, transparent)`,
});
