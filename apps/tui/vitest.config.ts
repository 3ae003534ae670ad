import { defineConfig } from 'vitest/config';

// No test may depend on the machine's speed (2 noisy cores in CI): time limits only catch hangs.
// Screens wait for the frame they expect (src/testing/frames.ts), never for a fixed time.
export default defineConfig({
  test: { testTimeout: 120_000, hookTimeout: 120_000 },
});
