/**
 * Puts `value` under `key` as the most recently used entry of `map` (a Map keeps insertion
 * order), and drops the least recently used ones beyond `limit`. Returns `value`.
 */
export function remember<K, V>(map: Map<K, V>, key: K, value: V, limit: number): V {
  map.delete(key);
  map.set(key, value);
  for (const oldest of map.keys()) {
    if (map.size <= limit) break;
    map.delete(oldest);
  }
  return value;
}
