import { Parser } from 'htmlparser2';
import { fail, ok, type Problem, type Result } from '../result';

/**
 * XML as the REFI-QDA formats need it: a small element tree read without ever expanding an
 * entity a file declares, and a writer whose output is always well-formed.
 *
 * A document type declaration is refused before parsing: REFI-QDA files never need one, and a
 * DTD is how an external entity (a file of the machine read into the import) or a billion-laughs
 * expansion gets in. htmlparser2 in XML mode decodes only the five predefined entities and
 * character references, so nothing else can expand either.
 */

export interface XmlElement {
  /** The local name: a prefix (`qda:Code`) is dropped, as REFI-QDA uses one namespace per file. */
  name: string;
  attributes: Record<string, string>;
  children: XmlElement[];
  /** The element's own text, its children's left out. */
  text: string;
  /** 1-based line of the start tag, for reports. */
  line: number;
}

/** Deeper nesting than any codebook needs: past it a file is refused, so a hostile one costs no stack. */
const MAX_DEPTH = 256;

const localName = (name: string) => name.slice(name.indexOf(':') + 1);

/** Reads one XML document into elements; any structural error refuses it, with the line. */
export function parseXml(source: string, path: string): Result<XmlElement, Problem[]> {
  const xml = source.replace(/^\uFEFF/, '');
  const doctype = /<!DOCTYPE|<!ENTITY/i.exec(xml);
  if (doctype) {
    return fail([
      {
        path: `${path} line ${lineAt(xml, doctype.index)}`,
        message: 'declares a document type or entities; refused unread, as such a file can read other files',
      },
    ]);
  }
  const lineOf = lineCounter(xml);
  const problems: Problem[] = [];
  const stack: XmlElement[] = [];
  const selfClosing = new WeakSet<XmlElement>();
  let root: XmlElement | undefined;
  const parser: Parser = new Parser(
    {
      onopentag(name, attributes) {
        const element: XmlElement = {
          name: localName(name),
          attributes: { ...attributes },
          children: [],
          text: '',
          line: lineOf(parser.startIndex),
        };
        const parent = stack.at(-1);
        if (parent) parent.children.push(element);
        else if (root) problems.push({ path: `${path} line ${element.line}`, message: 'a second root element' });
        else root = element;
        stack.push(element);
        if (xml[parser.endIndex - 1] === '/') selfClosing.add(element);
        if (stack.length > MAX_DEPTH) {
          problems.push({ path: `${path} line ${element.line}`, message: `nested deeper than ${MAX_DEPTH} elements` });
          parser.pause();
        }
      },
      ontext(text) {
        const open = stack.at(-1);
        if (open) open.text += text;
        else if (text.trim()) {
          problems.push({
            path: `${path} line ${lineOf(parser.startIndex)}`,
            message: 'text outside the root element',
          });
        }
      },
      onclosetag(name, implied) {
        const open = stack.pop();
        // htmlparser2 closes an element left open when its parent closes: in XML that is an error.
        if ((implied && !(open && selfClosing.has(open))) || !open || open.name !== localName(name)) {
          problems.push({
            path: `${path} line ${lineOf(parser.startIndex)}`,
            message: open
              ? `</${name}> does not close <${open.name}> (line ${open.line})`
              : `</${name}> closes nothing`,
          });
          parser.pause();
        }
      },
    },
    { xmlMode: true, decodeEntities: true, recognizeSelfClosing: true },
  );
  parser.write(xml);
  if (problems.length === 0) parser.end();
  if (problems.length === 0 && stack.length > 0) {
    const open = stack.at(-1) as XmlElement;
    problems.push({ path, message: `ends before <${open.name}> (line ${open.line}) is closed: the file is cut short` });
  }
  if (problems.length > 0) return fail(problems.slice(0, 1));
  if (!root) return fail([{ path, message: 'holds no XML element' }]);
  return ok(root);
}

const lineAt = (text: string, index: number) => text.slice(0, index).split('\n').length;

/** Lines of positions met in order, counted in one pass over the text however many are asked. */
function lineCounter(text: string): (index: number) => number {
  let at = 0;
  let line = 1;
  return (index) => {
    if (index < at) return lineAt(text, index);
    for (let i = text.indexOf('\n', at); i !== -1 && i < index; i = text.indexOf('\n', i + 1)) {
      line++;
      at = i + 1;
    }
    return line;
  };
}

/** The children named `name`, wherever a file puts them among others. */
export const childrenNamed = (element: XmlElement | undefined, name: string): XmlElement[] =>
  element?.children.filter((child) => child.name === name) ?? [];

export const childNamed = (element: XmlElement | undefined, name: string): XmlElement | undefined =>
  element?.children.find((child) => child.name === name);

/** An element to write: its attributes in the given order (undefined ones left out), then children or text. */
export interface XmlNode {
  name: string;
  attributes?: Record<string, string | undefined>;
  children?: readonly XmlNode[];
  text?: string;
}

/** XML 1.0 cannot carry these at all, not even as character references. */
const NOT_XML =
  // biome-ignore lint/suspicious/noControlCharactersInRegex: these are the characters XML 1.0 forbids
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

// A carriage return is written as a reference: a parser turns a CRLF in text into a line feed.
const escapeText = (text: string) =>
  text
    .replace(NOT_XML, '\uFFFD')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/\r/g, '&#13;');

// Line breaks and tabs in an attribute are written as references: a parser would turn them into spaces.
const escapeAttribute = (text: string) =>
  escapeText(text).replace(/"/g, '&quot;').replace(/\t/g, '&#9;').replace(/\n/g, '&#10;');

/** A document: the declaration, then the element indented by two spaces per level. */
export function writeXml(root: XmlNode): string {
  const lines = ['<?xml version="1.0" encoding="utf-8"?>'];
  write(root, 0, lines);
  return `${lines.join('\n')}\n`;
}

function write(node: XmlNode, depth: number, lines: string[]): void {
  const indent = '  '.repeat(depth);
  const attributes = Object.entries(node.attributes ?? {})
    .filter((entry): entry is [string, string] => entry[1] !== undefined)
    .map(([key, value]) => ` ${key}="${escapeAttribute(value)}"`)
    .join('');
  const open = `${indent}<${node.name}${attributes}`;
  if (node.text !== undefined) {
    lines.push(`${open}>${escapeText(node.text)}</${node.name}>`);
    return;
  }
  const children = node.children ?? [];
  if (children.length === 0) {
    lines.push(`${open}/>`);
    return;
  }
  lines.push(`${open}>`);
  for (const child of children) write(child, depth + 1, lines);
  lines.push(`${indent}</${node.name}>`);
}
