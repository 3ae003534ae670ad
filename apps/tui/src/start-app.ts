/** Draws the app in the terminal (the alternate screen, left as it was at exit) until the user quits. */
import { render } from 'ink';
import { createElement as h } from 'react';
import { App } from './app.js';
import type { UiIo } from './run.js';
import type { Route, Services } from './services.js';

const ALTERNATE_SCREEN = '\u001b[?1049h';
const MAIN_SCREEN = '\u001b[?1049l';

export async function startApp(start: Route, services: Services, io: UiIo): Promise<number> {
  io.stdout.write(ALTERNATE_SCREEN);
  const instance = render(h(App, { services, start }), { stdin: io.stdin, stdout: io.stdout, stderr: io.stderr, exitOnCtrlC: true, patchConsole: true });
  try {
    await instance.waitUntilExit();
  } finally {
    io.stdout.write(MAIN_SCREEN);
  }
  return 0;
}
