import type { LexicalEditor } from 'lexical';

/**
 * Attaches DOM listeners to the editor's root element, moving them when the root changes;
 * returns the disposer that removes them.
 */
export function registerRootEvents(editor: LexicalEditor, attach: (root: HTMLElement) => () => void): () => void {
  let detach: (() => void) | undefined;
  const unregister = editor.registerRootListener((root) => {
    detach?.();
    detach = root ? attach(root) : undefined;
  });
  return () => {
    unregister();
    detach?.();
  };
}
