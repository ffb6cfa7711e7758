/**
 * In `items` ordered so that every item `before` holds for comes first, the index of the first
 * item it does not hold for (`items.length` if it holds for all): a binary search, O(log n).
 */
export function partitionPoint<T>(items: readonly T[], before: (item: T) => boolean): number {
  let lo = 0;
  let hi = items.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (before(items[mid] as T)) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
