import type { Virtualizer } from '@tanstack/react-virtual';
import type { ReactNode } from 'react';

interface Props<T> {
  rows: Virtualizer<HTMLElement, Element>;
  items: readonly T[];
  /** A stable key per item, so that a row keeps its element while the list around it changes. */
  keyOf(item: T): string;
  /** A numbered list or not. */
  ordered?: boolean;
  children(item: T): ReactNode;
}

/** The rows `useRows` says are in view, each placed at its offset in a list as tall as all of them. */
export function VirtualRows<T>({ rows, items, keyOf, ordered = true, children }: Props<T>) {
  const List = ordered ? 'ol' : 'ul';
  return (
    <List style={{ height: rows.getTotalSize() }}>
      {rows.getVirtualItems().map((row) => {
        const item = items[row.index] as T;
        return (
          <li
            key={keyOf(item)}
            data-index={row.index}
            ref={rows.measureElement}
            style={{ transform: `translateY(${row.start}px)` }}
          >
            {children(item)}
          </li>
        );
      })}
    </List>
  );
}
