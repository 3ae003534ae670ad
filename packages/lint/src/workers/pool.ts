/**
 * Linting on worker threads: a small pool for the linter's run over many files. The main thread
 * walks, reads and formats; each worker builds its own settings from the same input (config files
 * are found and read there, by each manifest's path) and lints the files it is sent, a few at a time.
 * The main thread keeps a bounded number of files in flight per worker, and gets each file's results
 * back by its number, so that the run reports them in the order the walk found the files.
 *
 * The worker runs this same module: `new Worker(new URL(import.meta.url))`. In the CLI's one-file
 * bundle that URL is the bundle itself, so a worker needs no second file; the branch at the end of
 * this module turns the thread into a worker and, with a top-level await that never settles, keeps
 * the rest of the bundle (the CLI's entry) from running there.
 */
import { availableParallelism } from 'node:os';
import { Worker, isMainThread, parentPort, workerData } from 'node:worker_threads';
import type { DocumentResult } from '../finding.js';
import { lintFile } from '../engine/lint-document.js';
import { RULES } from '../rules/index.js';
import { LintSettings, type SettingsInput } from '../run/settings.js';

/** The key of workerData that makes a thread a lint worker. */
const FLAG = 'tmcheckLintWorker';

/** What a worker is started with. */
export interface WorkerInput extends SettingsInput {
  /** The IDs of the registry's rules to run (all of them when undefined). */
  readonly rules?: readonly string[];
}

/** A file to lint, as the main thread read it. */
export interface Job {
  readonly filePath: string;
  /** The absolute path (for the settings that apply). */
  readonly full: string;
  readonly json: boolean;
  readonly bytes?: Uint8Array;
  readonly readError?: string;
}

/** A file's results, or the error that linting it threw (the main thread lints it again to report it as it would). */
export type Outcome = { readonly results: DocumentResult[] } | { readonly error: string };

interface BatchMessage {
  readonly id: number;
  readonly jobs: readonly Job[];
}
type WorkerMessage = { readonly ready: true } | { readonly failed: string } | { readonly id: number; readonly outcomes: readonly Outcome[] };

/** The file this module is: what a worker runs. Under the test runner it is TypeScript, which Node 20 cannot run: the build of it then. */
const SELF = new URL(import.meta.url);
export const WORKER_ENTRY: URL = SELF.pathname.endsWith('.ts') ? new URL('../../dist/workers/pool.js', SELF) : SELF;

/** Files and bytes in flight per worker: enough that a worker never waits, few enough to bound memory. */
const MAX_FILES_IN_FLIGHT = 32;
const MAX_BYTES_IN_FLIGHT = 8 * 1024 * 1024;
/** Files sent in one message. */
const BATCH_FILES = 8;
/** Workers at most: each holds its own copy of the code and its own heap (about 30 MB). */
const MAX_WORKERS = 8;

/** One worker per core but the one the main thread runs on, at least one, at most MAX_WORKERS. */
export function defaultWorkerCount(): number {
  return Math.max(1, Math.min(MAX_WORKERS, availableParallelism() - 1));
}

interface Pending {
  readonly jobs: readonly Job[];
  readonly bytes: number;
  readonly done: (outcomes: readonly Outcome[] | undefined) => void;
}

class Thread {
  ready = false;
  dead = false;
  files = 0;
  bytes = 0;
  /** Files this worker linted. */
  linted = 0;
  readonly pending = new Map<number, Pending>();
  constructor(readonly worker: Worker) {}
}

export class LintPool {
  readonly #threads: Thread[] = [];
  #nextId = 0;
  /** Jobs gathered for the next message, and their callbacks. */
  #batch: Job[] = [];
  #batchBytes = 0;
  #batchDone: Array<(outcome: Outcome | undefined) => void> = [];
  /** Wakes the main thread when a worker answers, becomes ready or dies. */
  #wake: (() => void) | undefined;

  constructor(count: number, input: WorkerInput, entry: URL = WORKER_ENTRY) {
    for (let i = 0; i < count; i++) {
      const worker = new Worker(entry, { workerData: { [FLAG]: input } });
      const thread = new Thread(worker);
      // the process does not wait for a worker: the run ends them when it is done
      worker.unref();
      worker.on('message', (message: WorkerMessage) => this.#onMessage(thread, message));
      worker.on('error', () => this.#onDeath(thread));
      worker.on('exit', () => this.#onDeath(thread));
      this.#threads.push(thread);
    }
  }

  #onMessage(thread: Thread, message: WorkerMessage): void {
    if ('ready' in message) thread.ready = true;
    else if ('failed' in message) this.#onDeath(thread);
    else {
      const pending = thread.pending.get(message.id);
      if (pending) {
        thread.pending.delete(message.id);
        thread.files -= pending.jobs.length;
        thread.bytes -= pending.bytes;
        thread.linted += pending.jobs.length;
        pending.done(message.outcomes);
      }
    }
    this.#wakeUp();
  }

  /** A worker that failed or ended: its files are handed back (the main thread lints them). */
  #onDeath(thread: Thread): void {
    if (thread.dead) return;
    thread.dead = true;
    thread.ready = false;
    const pending = [...thread.pending.values()];
    thread.pending.clear();
    thread.files = 0;
    thread.bytes = 0;
    for (const p of pending) p.done(undefined);
    void thread.worker.terminate();
    this.#wakeUp();
  }

  #wakeUp(): void {
    const wake = this.#wake;
    this.#wake = undefined;
    wake?.();
  }

  /** The ready worker with the fewest files in flight, when one can take `bytes` more. */
  #room(bytes: number): Thread | undefined {
    let best: Thread | undefined;
    for (const t of this.#threads) {
      if (!t.ready || t.dead) continue;
      if (t.files + this.#batch.length >= MAX_FILES_IN_FLIGHT || t.bytes + this.#batchBytes + bytes > MAX_BYTES_IN_FLIGHT) continue;
      if (!best || t.files < best.files) best = t;
    }
    return best;
  }

  /** Whether a worker can take a file of `bytes` now. */
  hasRoom(bytes: number): boolean {
    return this.#room(bytes) !== undefined;
  }

  /** Whether any worker may still answer (started, or working). */
  get alive(): boolean {
    return this.#threads.some((t) => !t.dead);
  }

  /** Queues a file for a worker (call when hasRoom); `done` gets its outcome, or undefined when no worker could lint it. */
  add(job: Job, done: (outcome: Outcome | undefined) => void): void {
    this.#batch.push(job);
    this.#batchBytes += job.bytes?.byteLength ?? 0;
    this.#batchDone.push(done);
    if (this.#batch.length >= BATCH_FILES) this.flush();
  }

  /** Sends the files gathered so far. */
  flush(): void {
    if (this.#batch.length === 0) return;
    const jobs = this.#batch;
    const callbacks = this.#batchDone;
    const bytes = this.#batchBytes;
    this.#batch = [];
    this.#batchDone = [];
    this.#batchBytes = 0;
    const done = (outcomes: readonly Outcome[] | undefined): void => {
      for (let i = 0; i < callbacks.length; i++) (callbacks[i] as (o: Outcome | undefined) => void)(outcomes?.[i]);
    };
    const thread = this.#room(0) ?? this.#threads.find((t) => t.ready && !t.dead);
    if (!thread) {
      done(undefined);
      return;
    }
    const id = this.#nextId++;
    thread.pending.set(id, { jobs, bytes, done });
    thread.files += jobs.length;
    thread.bytes += bytes;
    const message: BatchMessage = { id, jobs };
    thread.worker.postMessage(message);
  }

  /** Files in flight on the workers. */
  get inFlight(): number {
    let n = this.#batch.length;
    for (const t of this.#threads) n += t.files;
    return n;
  }

  /** Lets the workers' answers in (one turn of the event loop). */
  poll(): Promise<void> {
    return new Promise((resolve) => setImmediate(resolve));
  }

  /** Waits until a worker answers, becomes ready or dies. */
  next(): Promise<void> {
    return new Promise((resolve) => {
      this.#wake = resolve;
    });
  }

  /** Sends what is gathered and waits for every answer. */
  async drain(): Promise<void> {
    this.flush();
    while (this.#threads.some((t) => t.pending.size > 0)) await this.next();
  }

  /** How many workers linted at least one file. */
  get used(): number {
    return this.#threads.filter((t) => t.linted > 0).length;
  }

  /** Files the workers linted. */
  get linted(): number {
    return this.#threads.reduce((n, t) => n + t.linted, 0);
  }

  /** Ends every worker. */
  async close(): Promise<void> {
    await Promise.all(
      this.#threads.map((t) => {
        t.dead = true;
        return t.worker.terminate();
      }),
    );
  }
}

/** The worker's side: builds its settings, then lints each batch it is sent and answers with the outcomes. */
function serve(input: WorkerInput): Promise<never> {
  const port = parentPort as NonNullable<typeof parentPort>;
  let settings: LintSettings;
  try {
    const ids = input.rules === undefined ? undefined : new Set(input.rules);
    settings = new LintSettings(input, ids === undefined ? RULES : RULES.filter((r) => ids.has(r.id)));
  } catch (error) {
    port.postMessage({ failed: error instanceof Error ? error.message : String(error) } satisfies WorkerMessage);
    return new Promise<never>(() => {});
  }
  port.on('message', (message: BatchMessage) => {
    const outcomes = message.jobs.map((job): Outcome => {
      try {
        return { results: lintFile(job, settings.lintOptions(job.full)) };
      } catch (error) {
        return { error: error instanceof Error ? error.message : String(error) };
      }
    });
    port.postMessage({ id: message.id, outcomes } satisfies WorkerMessage);
  });
  port.postMessage({ ready: true } satisfies WorkerMessage);
  // the worker lives until the main thread ends it; this module (and so whatever imports it) goes no further here
  return new Promise<never>(() => {});
}

function isWorkerData(data: unknown): data is { [FLAG]: WorkerInput } {
  return data !== null && typeof data === 'object' && FLAG in data;
}

if (!isMainThread && isWorkerData(workerData)) await serve(workerData[FLAG]);
