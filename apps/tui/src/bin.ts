// The entry point of the bundle dist/tmcheck-ui.js (apps/cli/scripts/bundle.mjs): the bin
// (apps/cli/bin/tmcheck-ui.js) and `tmcheck ui` call runUi; only they set the exit status.
export { runUi, type UiIo } from './run.js';
