/** Quotation marks a quote may bring with it, in the languages of the corpora. */
const OPENS = /^["'«“„‘‚‹]/u;
const CLOSES = /["'»”“’‘›]$/u;

/**
 * A quote from the text in quotation marks, without doubling the marks it already has: a claim
 * on “NATO’s activity” reads “NATO’s activity”, not ““NATO’s activity””.
 */
export function Quote({ text, className }: { text: string; className?: string }) {
  const classes = [className, OPENS.test(text) && 'opens-itself', CLOSES.test(text) && 'closes-itself'];
  return <q className={classes.filter(Boolean).join(' ') || undefined}>{text}</q>;
}
