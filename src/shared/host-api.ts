import { z } from 'zod';
import { HOST_METHODS, type HostMethodName } from './host-channels';
import { CorpusDocument, CorpusListing, DocumentId } from './model/document';
import { fail, ok, type Result } from './result';

/**
 * The one contract between the renderer and its host (Electron main over IPC, or the browser
 * host over HTTP). Each call has a schema for its arguments and for its result; hosts validate
 * arguments before acting, clients validate results before trusting them.
 */

/** The largest snapshot or export a call carries: the whole corpus's claims as labelled JSON. */
export const MAX_FILE_CONTENT = 512 * 1024 * 1024;

export const AppInfo = z.object({
  name: z.string(),
  version: z.string(),
  host: z.enum(['electron', 'browser']),
});

export const SaveRequest = z.object({
  suggestedName: z
    .string()
    .min(1)
    .max(200)
    .regex(/^[^/\\:*?"<>|]+$/, 'must be a plain file name'),
  content: z.string().max(MAX_FILE_CONTENT),
  /** Text is written as UTF-8; binary files (a zip of several files) arrive base64-encoded. */
  encoding: z.enum(['utf8', 'base64']),
});

export const SaveOutcome = z.discriminatedUnion('status', [
  z.object({
    status: z.literal('saved'),
    /** A path, or (in a browser) the file's name in the browser's downloads. */
    location: z.string(),
    inDownloads: z.boolean().optional(),
  }),
  z.object({ status: z.literal('cancelled') }),
]);

export const CorpusStatus = z.discriminatedUnion('state', [
  z.object({
    state: z.literal('loading'),
    name: z.string(),
    /** Files read of all; a JSONL dump is one file of many documents, counted as they are read. */
    read: z.number(),
    total: z.number(),
    documents: z.number(),
  }),
  z.object({ state: z.literal('ready') }),
  z.object({ state: z.literal('error'), message: z.string() }),
]);

/** A piece of a search hit's snippet or title; `mark` when it is one of the words searched for. */
export const SearchPart = z.object({ text: z.string(), mark: z.boolean() });

export const SearchHit = z.object({
  id: DocumentId,
  score: z.number(),
  /** The words of the document that matched (as the index holds them: lower case, ё as е). */
  terms: z.array(z.string()),
  /** Found only by approximate matching: a word of the query is spelt differently in it. */
  approximate: z.boolean(),
  /** A few words of the text around the first match, the matched words marked. */
  snippet: z.array(SearchPart),
});

/** The best hits (at most 200) and how many documents matched in all. */
export const SearchResults = z.object({ hits: z.array(SearchHit), total: z.number().int().nonnegative() });

/** `approximate`: match words spelt a little differently too (otherwise only when nothing matches exactly). */
export const SearchOptions = z.object({ approximate: z.boolean().optional() }).strict();

/** A concordance search of the whole corpus (the Search mode): see shared/concordance for the query language. */
export const ConcordanceRequest = z
  .object({
    query: z.string().max(500),
    regex: z.boolean().optional(),
    /** Characters of context either side of each hit. */
    context: z.number().int().min(0).max(200).optional(),
    /** Only these documents (the analyst's filters); all of them when absent. */
    documents: z.array(DocumentId).max(1_000_000).optional(),
    /** Only hits in an article's body, not in its title, metadata or boilerplate. */
    bodyOnly: z.boolean().optional(),
  })
  .strict();

/** One hit: [start, end) in UTF-16 code units of the document's served text, with its context. */
export const ConcordanceHit = z.object({
  document: DocumentId,
  start: z.number().int().nonnegative(),
  end: z.number().int().nonnegative(),
  quote: z.string(),
  before: z.string(),
  after: z.string(),
});

/**
 * The hits in document order (at most 2,000 lines; `total` counts them all) and how many documents
 * hold one; or why the query cannot be searched (said, and nothing searched).
 */
export const ConcordanceResults = z.discriminatedUnion('ok', [
  z.object({
    ok: z.literal(true),
    hits: z.array(ConcordanceHit),
    total: z.number().int().nonnegative(),
    documents: z.number().int().nonnegative(),
  }),
  z.object({ ok: z.literal(false), error: z.string() }),
]);

/** An encoding name the user picked to read a document with (checked by the host). */
const EncodingName = z
  .string()
  .regex(/^[A-Za-z0-9_:.-]{1,40}$/)
  .optional();

export const OpenOutcome = z.discriminatedUnion('status', [
  z.object({ status: z.literal('opened'), name: z.string() }),
  z.object({ status: z.literal('cancelled') }),
]);

export const BackupName = z.string().regex(/^backup-\d{8}T\d{9}Z-\d+\.json$/, 'must be a backup file name');

export const BackupInfo = z.object({ name: BackupName, time: z.string(), claims: z.number(), bytes: z.number() });

export const hostCalls = {
  getAppInfo: { args: z.tuple([]), result: AppInfo },
  /** Progress while a corpus is read, so the window can show it instead of freezing. */
  corpusStatus: { args: z.tuple([]), result: CorpusStatus },
  /** Waits until the corpus has been read. */
  listDocuments: { args: z.tuple([]), result: CorpusListing },
  getDocument: { args: z.tuple([DocumentId, EncodingName]), result: CorpusDocument },
  searchDocuments: { args: z.tuple([z.string().max(500), SearchOptions.optional()]), result: SearchResults },
  concordance: { args: z.tuple([ConcordanceRequest]), result: ConcordanceResults },
  /** Electron: a folder dialog, then the chosen folder becomes the corpus (and is reopened next time). */
  openCorpusFolder: { args: z.tuple([]), result: OpenOutcome },
  saveExport: { args: z.tuple([SaveRequest]), result: SaveOutcome },
  /** A snapshot of the work as native JSON, kept by the host in its backup folder (rotating). */
  writeBackup: { args: z.tuple([z.string().max(MAX_FILE_CONTENT)]), result: BackupInfo },
  listBackups: { args: z.tuple([]), result: z.array(BackupInfo) },
  readBackup: { args: z.tuple([BackupName]), result: z.string() },
  // `satisfies` makes every name in HOST_METHODS need a schema here, and refuses any other.
} as const satisfies Record<HostMethodName, { args: z.ZodType; result: z.ZodType }>;

type Calls = typeof hostCalls;
export type HostMethod = keyof Calls;
export type HostArgs<M extends HostMethod> = z.infer<Calls[M]['args']>;
export type HostResult<M extends HostMethod> = z.infer<Calls[M]['result']>;

/** What the renderer sees of its host. */
export type HostApi = { [M in HostMethod]: (...args: HostArgs<M>) => Promise<HostResult<M>> };

/** What a host implements: the same calls, with arguments already validated. */
export type HostHandlers = { [M in HostMethod]: (...args: HostArgs<M>) => Promise<HostResult<M>> | HostResult<M> };

export const isHostMethod = (name: unknown): name is HostMethod =>
  typeof name === 'string' && (HOST_METHODS as readonly string[]).includes(name);

/** The envelope every transport carries, so a failure arrives as a message rather than a crash. */
export type HostReply = Result<unknown, string>;

export type SaveRequest = z.infer<typeof SaveRequest>;
export type SaveOutcome = z.infer<typeof SaveOutcome>;
export type AppInfo = z.infer<typeof AppInfo>;
export type CorpusStatus = z.infer<typeof CorpusStatus>;
export type SearchHit = z.infer<typeof SearchHit>;
export type SearchResults = z.infer<typeof SearchResults>;
export type SearchPart = z.infer<typeof SearchPart>;
export type SearchOptions = z.infer<typeof SearchOptions>;
export type ConcordanceRequest = z.infer<typeof ConcordanceRequest>;
export type ConcordanceHit = z.infer<typeof ConcordanceHit>;
export type ConcordanceResults = z.infer<typeof ConcordanceResults>;
export type OpenOutcome = z.infer<typeof OpenOutcome>;
export type BackupInfo = z.infer<typeof BackupInfo>;

/** What every other call's arguments fit in, with room to spare: ids, names, a search query. */
const SMALL_REQUEST_BYTES = 1024 * 1024;

/**
 * The largest request body a transport that serialises arguments as JSON (the browser host)
 * accepts for a call: the calls that carry a file get room for the largest file the contract
 * allows, as JSON (escaped quotes and line breaks: a snapshot grows by a few per cent), the others
 * a small bound so that a stray request cannot fill the host's memory.
 */
export function requestBodyLimit(method: string): number {
  return method === 'writeBackup' || method === 'saveExport' ? MAX_FILE_CONTENT * 1.5 : SMALL_REQUEST_BYTES;
}

/** Validates a call's raw arguments and runs its handler; never throws. */
export async function dispatchHostCall(handlers: HostHandlers, method: unknown, rawArgs: unknown): Promise<HostReply> {
  if (!isHostMethod(method)) return fail(`Unknown host call: ${String(method)}`);
  const parsed = hostCalls[method].args.safeParse(rawArgs);
  if (!parsed.success) return fail(`Invalid arguments for ${method}: ${z.prettifyError(parsed.error)}`);
  try {
    const handler = handlers[method] as (...args: unknown[]) => unknown;
    return ok(await handler(...(parsed.data as unknown[])));
  } catch (error) {
    return fail(error instanceof Error ? error.message : String(error));
  }
}

/** Checks a reply against the call's result schema, so a client never trusts a malformed answer. */
export function readHostReply<M extends HostMethod>(method: M, reply: unknown): HostResult<M> {
  const envelope = reply as HostReply | undefined;
  if (!envelope || typeof envelope !== 'object' || typeof envelope.ok !== 'boolean') {
    throw new Error(`The host sent a malformed reply to ${method}.`);
  }
  if (!envelope.ok) throw new Error(envelope.error);
  const parsed = hostCalls[method].result.safeParse(envelope.value);
  if (!parsed.success) throw new Error(`The host's reply to ${method} is invalid: ${z.prettifyError(parsed.error)}`);
  return parsed.data as HostResult<M>;
}
