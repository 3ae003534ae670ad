/**
 * The fuzzer (test-utils/campaign.ts): generated and mutated manifests of every class the campaign of
 * issue 12 found (bytes, encodings, structure, YAML features, secrets), each checked for: no exception
 * and no internal error; time within a budget that scales with its size; every finding of a known rule
 * and message, a valid severity, a position within the input, a valid JSON Pointer; no piece of a
 * planted secret in any output; no raw control character in a text format.
 *
 * The normal suite runs 10,000 inputs of a fixed seed. `pnpm test:fuzz` runs 200,000 of a random seed
 * (vitest --mode fuzz), and prints the seed and the command that replays a failure:
 *   FUZZ_SEED=<seed> pnpm test:fuzz                    the same 200,000 inputs again
 *   FUZZ_SEED=<seed> FUZZ_INDEX=<i> pnpm test:fuzz     one input, every output checked
 *   FUZZ_RUNS=<n>                                      another number of inputs
 */
import { randomInt } from 'node:crypto';
import { writeSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { describeFailure, makeInput, runCampaign, type Failure } from './test-utils/campaign.js';

const MODE = (import.meta as unknown as { readonly env?: { readonly MODE?: string } }).env?.MODE;
const LONG = MODE === 'fuzz';
const env = process.env;

const SEED = env['FUZZ_SEED'] !== undefined ? Number(env['FUZZ_SEED']) : LONG ? randomInt(2 ** 31) : 20_260_412;
const INDEX = env['FUZZ_INDEX'] !== undefined ? Number(env['FUZZ_INDEX']) : undefined;
const SCALE = env['FUZZ_SCALE'] === 'small' || env['FUZZ_SCALE'] === 'full' ? env['FUZZ_SCALE'] : LONG ? 'full' : 'small';
const RUNS = INDEX !== undefined ? 1 : env['FUZZ_RUNS'] !== undefined ? Number(env['FUZZ_RUNS']) : LONG ? 200_000 : 10_000;

function replay(seed: number, index: number, scale: string): string {
  return `FUZZ_SEED=${seed} FUZZ_INDEX=${index}${scale === 'small' ? ' FUZZ_SCALE=small' : ''} pnpm --filter @tmcheck/lint test:fuzz`;
}

describe('fuzz', () => {
  it(`${RUNS.toLocaleString('en')} generated and mutated manifests (seed ${SEED}): no crash, no blow-up, findings within the input, no secret in any output`, { timeout: LONG ? 6 * 3_600_000 : 300_000 }, () => {
    if (LONG) console.log(`fuzz: seed ${SEED}, ${RUNS} inputs${INDEX !== undefined ? ` (input ${INDEX} only)` : ''}; replay with FUZZ_SEED=${SEED} pnpm test:fuzz`);
    const report = runCampaign({
      seed: SEED,
      scale: SCALE,
      runs: RUNS,
      ...(INDEX !== undefined ? { from: INDEX, allFormats: true, everyOutput: true } : {}),
      ...(LONG
        ? {
            // straight to the terminal: the campaign holds the thread, so vitest could only pass console.log on at its end
            onProgress: (done: number, failures: number) => writeSync(2, `fuzz: ${done} inputs, ${failures} failing\n`),
            onFailure: (failure: Failure) => writeSync(2, `fuzz: FAILED ${describeFailure(failure, replay)}\n`),
          }
        : {}),
    });
    const summary = `fuzz: seed ${SEED}: ${report.runs} inputs in ${(report.milliseconds / 1000).toFixed(1)} s; violations by kind ${JSON.stringify(report.counts)}; slowest input ${report.slowest.index} (${report.slowest.bytes} bytes) used ${(report.slowest.share * 100).toFixed(1)}% of its time budget; ${report.unconfirmed} leaks of secrets a mutation had moved out of their field (not violations)`;
    if (LONG || report.failures.length > 0) console.log(summary);
    if (INDEX !== undefined) {
      const input = makeInput(SEED, INDEX, SCALE);
      console.log(`input ${INDEX}: ${input.steps.join(', ')}\n${JSON.stringify(Buffer.from(input.bytes).toString('utf8'))}`);
    }
    const failures = report.failures.map((f) => describeFailure(f, replay));
    expect(failures, `${summary}\n\n${failures.join('\n\n')}\n\nreplay all: FUZZ_SEED=${SEED}${SCALE === 'small' ? ' FUZZ_SCALE=small FUZZ_RUNS=' + RUNS : ''} pnpm test:fuzz`).toEqual([]);
  });

  it('makes each input from its seed and index alone: a replay gives the same bytes', () => {
    for (const index of [0, 1, 4321, 9999]) {
      expect(Buffer.from(makeInput(SEED, index, SCALE).bytes).equals(Buffer.from(makeInput(SEED, index, SCALE).bytes))).toBe(true);
    }
    expect(Buffer.from(makeInput(SEED, 1, SCALE).bytes).equals(Buffer.from(makeInput(SEED, 2, SCALE).bytes))).toBe(false);
  });
});
