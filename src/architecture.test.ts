/**
 * The layout rules of DESIGN.md ("Layout and boundaries"), checked on the import graph of src/ so
 * a boundary that erodes fails a unit test instead of surfacing as a broken build of one target.
 * The rule functions take files as an in-memory map, so the first block proves they catch what
 * they should before the second applies them to the real tree.
 */

import { readdirSync, readFileSync } from 'node:fs';
import { isBuiltin } from 'node:module';
import { posix } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

/** One import: the importing file, the specifier as written, and for a relative specifier the
 * src/ path it names (the .ts/.tsx module when one exists, else the plain path, e.g. a .css). */
interface Import {
  from: string;
  specifier: string;
  target: string | null;
}

interface Graph {
  files: Set<string>;
  imports: Import[];
}

const LAYERS = ['main', 'preload', 'renderer', 'cli'] as const;
const FEATURES = 'src/renderer/features/';

function resolveSpecifier(files: Set<string>, from: string, specifier: string): string | null {
  if (!specifier.startsWith('.')) return null;
  // Vite suffixes such as ?raw name the same file.
  const path = posix.join(posix.dirname(from), specifier.replace(/\?.*$/, ''));
  const candidates = [path, `${path}.ts`, `${path}.tsx`, `${path}/index.ts`, `${path}/index.tsx`];
  return candidates.find((candidate) => files.has(candidate)) ?? path;
}

/** Files keyed by their path from the repository root ('src/…'). Type-only imports and
 * re-exports count: they tie the files together for the type checker and for readers. */
function buildGraph(sources: Map<string, string>): Graph {
  const files = new Set(sources.keys());
  const imports: Import[] = [];
  for (const [from, text] of sources) {
    for (const { fileName } of ts.preProcessFile(text, true, true).importedFiles) {
      imports.push({ from, specifier: fileName, target: resolveSpecifier(files, from, fileName) });
    }
  }
  return { files, imports };
}

const show = ({ from, specifier, target }: Import) => `${from} → ${target ?? specifier}`;
const isUnder = (path: string | null, folder: string) => path?.startsWith(folder) ?? false;
const layerOf = (path: string | null) => LAYERS.find((layer) => isUnder(path, `src/${layer}/`));
const isTest = (path: string) => /\.test\.tsx?$/.test(path);

const UI_AND_STORAGE = /^(electron|react|react-dom|lexical|@lexical\/.*|dexie|dexie-react-hooks)(\/|$)/;

/** Rule 1: src/shared is the pure domain that main, renderer, CLI and tests all load. */
function sharedViolations({ imports }: Graph): string[] {
  return imports
    .filter(({ from }) => isUnder(from, 'src/shared/'))
    .filter(({ from, specifier, target }) => {
      if (layerOf(target)) return true;
      if (UI_AND_STORAGE.test(specifier)) return true;
      // Only *.test.ts files may use node built-ins: they run in Vitest under Node alone, and
      // today some read their fixtures with node:fs. The helpers in src/shared/testing and
      // src/shared/formats/testing need none, and shared/testing is inside the web project.
      return isBuiltin(specifier) && !isTest(from);
    })
    .map(show);
}

/** Rule 2: main, preload, renderer and cli meet only in src/shared. The one exception: the CLI
 * reuses the filesystem services of src/main/services, which DESIGN keeps free of electron. */
function layerViolations({ imports }: Graph): string[] {
  return imports
    .filter(({ from, target }) => {
      const fromLayer = layerOf(from);
      const toLayer = layerOf(target);
      if (!fromLayer || !toLayer || fromLayer === toLayer) return false;
      return !(fromLayer === 'cli' && isUnder(target, 'src/main/services/'));
    })
    .map(show);
}

/** Rule 2b: what the CLI and the browser host (plain Node) load never reaches electron, however
 * many files lie between; each offence is the chain from the first file that reaches it. */
function electronReachViolations({ files, imports }: Graph): string[] {
  const roots = [...files].filter((file) =>
    ['src/cli/', 'src/main/services/', 'src/main/browser-host/'].some((folder) => isUnder(file, folder)),
  );
  const cameFrom = new Map<string, string | null>(roots.map((root) => [root, null]));
  const queue = [...roots];
  const found: string[] = [];
  for (const file of queue) {
    for (const { specifier, target } of imports.filter((entry) => entry.from === file)) {
      if (specifier === 'electron' || specifier.startsWith('electron/')) {
        const chain = [file];
        for (let step = cameFrom.get(file); step; step = cameFrom.get(step)) chain.unshift(step);
        found.push([...chain, specifier].join(' → '));
      } else if (target && files.has(target) && !cameFrom.has(target)) {
        cameFrom.set(target, file);
        queue.push(target);
      }
    }
  }
  return found;
}

/** Rule 3: a feature is entered through its index.ts; its inner files may change freely. */
function frontDoorViolations({ imports }: Graph): string[] {
  return imports
    .filter(({ from, target }) => {
      if (!target || !isUnder(target, FEATURES)) return false;
      const feature = target.slice(FEATURES.length).split('/')[0];
      const folder = `${FEATURES}${feature}/`;
      if (isUnder(from, folder)) return false;
      return target !== `${folder}index.ts` && target !== `${folder}index.tsx`;
    })
    .map(show);
}

/** Rule 4: the app shell composes the features; a feature never reaches back up into it. */
function appShellViolations({ imports }: Graph): string[] {
  return imports
    .filter(({ from, target }) => isUnder(from, FEATURES) && isUnder(target, 'src/renderer/app/'))
    .map(show);
}

/** Rule 5: the strongly connected components of more than one file (or a file importing itself),
 * by Tarjan's algorithm, each shown as its shortest cycle through its first file, a → b → a. */
function cycles({ files, imports }: Graph): string[] {
  const next = new Map<string, string[]>([...files].map((file) => [file, []]));
  for (const { from, target } of imports) {
    if (target && files.has(target)) next.get(from)?.push(target);
  }
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const components: string[][] = [];
  const visit = (file: string) => {
    index.set(file, index.size);
    low.set(file, index.get(file) as number);
    stack.push(file);
    for (const target of next.get(file) ?? []) {
      if (!index.has(target)) {
        visit(target);
        low.set(file, Math.min(low.get(file) as number, low.get(target) as number));
      } else if (stack.includes(target)) {
        low.set(file, Math.min(low.get(file) as number, index.get(target) as number));
      }
    }
    if (low.get(file) === index.get(file)) {
      const component = stack.splice(stack.indexOf(file));
      const selfImport = next.get(file)?.includes(file);
      if (component.length > 1 || selfImport) components.push(component.sort());
    }
  };
  for (const file of [...files].sort()) if (!index.has(file)) visit(file);

  return components.map((component) => {
    // Breadth-first from the first file, within the component, until an edge leads back to it.
    const start = component[0] as string;
    const cameFrom = new Map<string, string>();
    const queue = [start];
    for (const file of queue) {
      for (const target of next.get(file) ?? []) {
        if (target === start) {
          const chain = [file];
          while (chain[0] !== start) chain.unshift(cameFrom.get(chain[0] as string) as string);
          const rest = component.length - chain.length;
          return [...chain, start].join(' → ') + (rest > 0 ? ` (and ${rest} more files in this cycle)` : '');
        }
        if (component.includes(target) && !cameFrom.has(target)) {
          cameFrom.set(target, file);
          queue.push(target);
        }
      }
    }
    return component.join(' → ');
  });
}

describe('the import-graph rules', () => {
  const graph = buildGraph(
    new Map([
      ['src/a.ts', "import { b } from './b';"],
      ['src/b.ts', "import type { A } from './a';"],
      ['src/c.ts', "export * from './c';"],
      ['src/shared/pure.ts', "import { z } from 'zod';"],
      ['src/shared/fs.ts', "import { join } from 'path';\nimport { jsx } from 'react/jsx-runtime';"],
      ['src/shared/ui.ts', "import { $getRoot } from 'lexical';\nimport { M } from '@lexical/mark';"],
      ['src/shared/up.ts', "import { ipc } from '../main/ipc';"],
      ['src/shared/fixture.test.ts', "import { readFileSync } from 'node:fs';"],
      ['src/cli/index.ts', "import { c } from '../main/services/corpus';\nimport { x } from '../main/ipc';"],
      ['src/main/services/corpus.ts', "import { w } from '../window';"],
      ['src/main/window.ts', "import { BrowserWindow } from 'electron';"],
      ['src/main/ipc.ts', "import { s } from '../shared/pure';"],
      [
        'src/renderer/app/App.tsx',
        "import { R } from '../features/reader';\nimport { D } from '../features/reader/Deep';",
      ],
      ['src/renderer/features/reader/index.ts', "export { Deep } from './Deep';"],
      ['src/renderer/features/reader/Deep.tsx', "import { A } from '../../app/App';"],
      ['src/renderer/features/review/View.tsx', "import { Deep } from '../reader/Deep';"],
    ]),
  );

  it('finds cycles, type-only ones and self-imports included', () => {
    expect(cycles(graph)).toEqual([
      'src/a.ts → src/b.ts → src/a.ts',
      'src/c.ts → src/c.ts',
      'src/renderer/app/App.tsx → src/renderer/features/reader/Deep.tsx → src/renderer/app/App.tsx (and 1 more files in this cycle)',
    ]);
  });

  it('keeps src/shared pure except node built-ins in its tests', () => {
    expect(sharedViolations(graph)).toEqual([
      'src/shared/fs.ts → path',
      'src/shared/fs.ts → react/jsx-runtime',
      'src/shared/ui.ts → lexical',
      'src/shared/ui.ts → @lexical/mark',
      'src/shared/up.ts → src/main/ipc.ts',
    ]);
  });

  it('lets the CLI reach main only through main/services, and never electron', () => {
    expect(layerViolations(graph)).toEqual(['src/cli/index.ts → src/main/ipc.ts']);
    expect(electronReachViolations(graph)).toEqual(['src/main/services/corpus.ts → src/main/window.ts → electron']);
  });

  it('flags deep imports into a feature and features reaching into the app shell', () => {
    expect(frontDoorViolations(graph)).toEqual([
      'src/renderer/app/App.tsx → src/renderer/features/reader/Deep.tsx',
      'src/renderer/features/review/View.tsx → src/renderer/features/reader/Deep.tsx',
    ]);
    expect(appShellViolations(graph)).toEqual(['src/renderer/features/reader/Deep.tsx → src/renderer/app/App.tsx']);
  });
});

describe('the architecture of src/', () => {
  const src = new URL('./', import.meta.url);
  const sources = new Map(
    readdirSync(src, { recursive: true, withFileTypes: true })
      // Files only: Vitest names folders of failure screenshots after test files.
      .filter((entry) => entry.isFile() && /\.tsx?$/.test(entry.name))
      .map((entry) => posix.relative(src.pathname, posix.join(entry.parentPath, entry.name)))
      .map((file) => [posix.join('src', file.split('\\').join('/')), readFileSync(new URL(file, src), 'utf8')]),
  );
  const graph = buildGraph(sources);

  it('reads the whole tree', () => {
    expect(sources.size).toBeGreaterThan(100);
  });

  it('1. src/shared imports no layer, no electron, node built-ins (outside tests), React, Lexical or Dexie', () => {
    expect(sharedViolations(graph), 'src/shared must stay pure; file → import').toEqual([]);
  });

  it('2. main, preload, renderer and cli import only src/shared (the CLI also main/services)', () => {
    expect(layerViolations(graph), 'layers meet only in src/shared; file → import').toEqual([]);
  });

  it('2b. nothing the CLI or the browser host loads reaches electron', () => {
    expect(electronReachViolations(graph), 'plain-Node code reaching electron; chain').toEqual([]);
  });

  it('3. a feature is imported from outside only through its index.ts', () => {
    expect(frontDoorViolations(graph), 'deep imports into a feature; file → import').toEqual([]);
  });

  it('4. no feature imports the app shell', () => {
    expect(appShellViolations(graph), 'features importing src/renderer/app; file → import').toEqual([]);
  });

  it('5. src/ has no import cycles', () => {
    expect(cycles(graph), 'import cycles; a → b → a').toEqual([]);
  });
});
