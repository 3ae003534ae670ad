#!/usr/bin/env node
// tmcheck-ui, the Ink interactive checker (shared/spec/tui.md), arrives with its own issue.
process.stderr.write('tmcheck-ui: the interactive checker is not available in this version yet; use tmcheck lint FILE (pnpm tmcheck lint FILE)\n');
process.exitCode = 2;
