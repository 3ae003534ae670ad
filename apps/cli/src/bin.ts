// The entry point: the only place that sets the exit status (see main.ts).
import { isMainThread, workerData } from 'node:worker_threads';
import { TOOL_VERSION } from './version.js';

// A lint worker started from this bundle (the linter's worker threads, packages/lint/src/workers/pool.ts):
// loading the linter turns the thread into a worker, and it goes no further here.
const lintWorker = !isMainThread && workerData !== null && typeof workerData === 'object' && 'tmcheckLintWorker' in workerData;
const args = process.argv.slice(2);

if (lintWorker) {
  await import('@tmcheck/lint/core');
} else if (args.length === 1 && (args[0] === '--version' || args[0] === '-V')) {
  // asked by scripts on every run: answered before the command line parser is even loaded
  process.stdout.write(`${TOOL_VERSION}\n`);
} else {
  const { main } = await import('./main.js');
  // A reader that stops early (`tmcheck lint -f json | head`) closes the pipe: stop writing, quietly.
  for (const stream of [process.stdout, process.stderr]) {
    stream.on('error', (error: NodeJS.ErrnoException) => {
      if (error.code !== 'EPIPE') process.exitCode = 2;
    });
  }
  process.exitCode = await main(args, {
    stdout: process.stdout,
    stderr: process.stderr,
    stdin: process.stdin,
    cwd: process.cwd(),
    env: process.env,
  });
}
