/**
 * Drives the app as a user would, with ink-testing-library: keys in, frames out. Waits are on frames:
 * `waitFor` resolves when a frame that satisfies the check is drawn (or the one on screen already
 * does), never after a fixed time; its limit only turns a hang into a failure that shows the screen.
 */
import { EventEmitter } from 'node:events';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createLinter, ruleDocPage } from '@tmcheck/lint';
import { render } from 'ink-testing-library';
import { createElement as h } from 'react';
import { App } from '../app.js';
import type { Route, Services } from '../services.js';

/** A day before the example fleet's client secrets expire, so that no expiry finding comes and goes with the calendar. */
export const NOW = '2026-11-30';

export function testServices(cwd: string, options: { readonly color?: boolean; readonly configFile?: string } = {}): Services {
  return {
    cwd,
    color: options.color ?? false,
    createLinter: () => createLinter({ cwd, now: NOW, ...(options.configFile ? { configFile: options.configFile } : {}) }),
    docPage: ruleDocPage,
  };
}

export const KEY = {
  enter: '\r',
  up: '\u001b[A',
  down: '\u001b[B',
  left: '\u001b[D',
  right: '\u001b[C',
  escape: '\u001b',
  tab: '\t',
  backspace: '\u007f',
  pageDown: '\u001b[6~',
  pageUp: '\u001b[5~',
  ctrlS: '\u0013',
} as const;

export interface Driven {
  /** The frame on screen. */
  frame(): string;
  /** Sends keys, one keypress per argument. */
  press(...keys: string[]): void;
  /** Types text (one keypress per character, as a person types). */
  type(text: string): void;
  /** Resolves with the first frame (the current one included) for which `check` holds. */
  waitFor(check: string | RegExp | ((frame: string) => boolean), what?: string): Promise<string>;
  /** Resizes the terminal. */
  resize(columns: number, rows: number): void;
  readonly quit: { called: boolean };
  unmount(): void;
}

const LIMIT_MS = 20_000;

/** A frame's text with each line break and the indentation after it made one space (wrapped text reads as one line). */
export function joined(frame: string): string {
  return frame.replace(/[ \t]*\n[ \t]*/g, ' ');
}

/** What a test made that outlives it until cleanUp: the apps it drove and the folders it wrote in. */
const driven: Array<{ unmount(): void }> = [];
const folders: string[] = [];

/** A new temporary folder, removed by cleanUp. */
export function tempFolder(name: string): string {
  const dir = mkdtempSync(join(tmpdir(), `tmcheck-ui-${name}-`));
  folders.push(dir);
  return dir;
}

/** Unmounts every app driven and removes every temporary folder (each test file: afterEach(cleanUp)). */
export function cleanUp(): void {
  for (const app of driven.splice(0)) app.unmount();
  for (const dir of folders.splice(0)) rmSync(dir, { recursive: true, force: true });
}

export function drive(start: Route, services: Services, size: { columns: number; rows: number } = { columns: 80, rows: 24 }): Driven {
  const quit = { called: false };
  const instance = render(h(App, { services, start, onQuit: () => (quit.called = true) }));
  driven.push(instance);
  const frames = new EventEmitter();
  const stdout = instance.stdout as unknown as EventEmitter & { write: (s: string) => void; columns: number; rows: number };
  const write = stdout.write;
  stdout.write = (s: string) => {
    write(s);
    frames.emit('frame', s);
  };
  const setSize = (columns: number, rows: number) => {
    Object.defineProperty(stdout, 'columns', { value: columns, configurable: true });
    Object.defineProperty(stdout, 'rows', { value: rows, configurable: true });
  };
  setSize(size.columns, size.rows);
  stdout.emit('resize');
  const frame = () => instance.lastFrame() ?? '';
  return {
    frame,
    press: (...keys) => {
      for (const k of keys) instance.stdin.write(k);
    },
    type: (text) => {
      for (const c of text) instance.stdin.write(c);
    },
    waitFor: (check, what) => {
      // a text may be wrapped over lines: it is looked for in the frame with its lines joined too
      const test = typeof check === 'string' ? (f: string) => f.includes(check) || joined(f).includes(check) : check instanceof RegExp ? (f: string) => check.test(f) : check;
      if (test(frame())) return Promise.resolve(frame());
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => {
          frames.off('frame', on);
          reject(new Error(`no frame showed ${what ?? String(check)} within ${LIMIT_MS / 1000} s; the screen:\n${frame()}`));
        }, LIMIT_MS);
        const on = (): void => {
          if (!test(frame())) return;
          clearTimeout(timer);
          frames.off('frame', on);
          resolve(frame());
        };
        frames.on('frame', on);
      });
    },
    resize: (columns, rows) => {
      setSize(columns, rows);
      stdout.emit('resize');
    },
    quit,
    unmount: () => instance.unmount(),
  };
}
