// Preloaded into a measured process (node --import ./bench/peak-rss.mjs ...): at exit, writes the process's
// peak resident set size in bytes (every thread counted) to the file TMCHECK_BENCH_RSS names. Portable: it asks
// Node (getrusage), not /proc.
import { writeFileSync } from 'node:fs';
import { isMainThread } from 'node:worker_threads';

const target = process.env.TMCHECK_BENCH_RSS;
if (isMainThread && target) {
  process.on('exit', () => {
    writeFileSync(target, String(process.resourceUsage().maxRSS * 1024));
  });
}
