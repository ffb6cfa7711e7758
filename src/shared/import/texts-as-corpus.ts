import type { FileEntry } from '../formats/interchange';

/**
 * Texts a file carries (a REFI-QDA project's sources, brat's .txt files) as the files of a corpus
 * folder: opened as a corpus, its documents are the file's, and importing the file again places
 * its claims in them by their text. Each is named after its document id, made safe: no folder
 * outside the corpus ("..", a root), ".txt" at the end, and a number where two names meet.
 */
export function textsAsCorpus(texts: readonly { id: string; text: string }[]): FileEntry[] {
  const taken = new Set<string>();
  return texts.map(({ id, text }) => {
    const segments = id
      .split(/[/\\]+/)
      .map((part) => part.replace(/[^\p{L}\p{N}._ -]+/gu, '-').trim())
      .filter((part) => part !== '' && !/^\.+$/.test(part));
    const path = segments.join('/') || 'document';
    const base = path.toLowerCase().endsWith('.txt') ? path.slice(0, -4) : path;
    let name = `${base}.txt`;
    for (let n = 2; taken.has(name.toLowerCase()); n++) name = `${base}-${n}.txt`;
    taken.add(name.toLowerCase());
    return { name, content: text };
  });
}
