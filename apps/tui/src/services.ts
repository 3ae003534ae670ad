import type { Linter } from '@tmcheck/lint';

/** What the screens need from outside: the linter API, the rule pages, where relative paths start. */
export interface Services {
  /** The folder relative paths are read from. */
  readonly cwd: string;
  /** Colour on (off with NO_COLOR). */
  readonly color: boolean;
  /** A linter with the run's options (config file, date); each call reads the config files anew. */
  createLinter(): Linter;
  /** A rule's documentation page (Markdown), as `tmcheck rules ID` prints it. */
  docPage(ruleId: string): string | undefined;
}

/** Where the app goes: one entry per screen, kept in a stack (Esc pops it). */
export type Route =
  | { readonly screen: 'start' }
  | { readonly screen: 'version'; readonly initial?: string }
  | { readonly screen: 'form'; readonly file?: string; readonly document?: number; readonly focus?: string }
  | { readonly screen: 'results'; readonly file: string; readonly document?: number; readonly notice?: string }
  | { readonly screen: 'fleet'; readonly folder: string }
  | { readonly screen: 'doc'; readonly ruleId: string; readonly file: string; readonly finding: import('@tmcheck/lint').Finding };

export interface Navigation {
  push(route: Route): void;
  /** Back to the screen before; from the first screen, quits. */
  pop(): void;
  replace(route: Route): void;
  quit(): void;
}

/** What every screen gets besides its own props. */
export interface ScreenProps {
  readonly services: Services;
  readonly nav: Navigation;
  readonly columns: number;
  readonly rows: number;
  /** Whether the screen is the one on top (only it reads keys). */
  readonly active: boolean;
}
