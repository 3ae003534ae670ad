import { defineConfig } from 'vitest/config';

// No test may depend on the machine's speed (2 noisy cores in CI): time limits only catch hangs. The end-to-end
// tests (src/e2e: a real Dovecot, the Entra ID and Graph stand-in) start servers in beforeAll, and Dovecot's stop
// takes about a second by design, so hooks get as long as tests.
export default defineConfig({
  test: { testTimeout: 120_000, hookTimeout: 120_000 },
});
