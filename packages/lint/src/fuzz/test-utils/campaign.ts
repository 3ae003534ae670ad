/**
 * The fuzzing campaign: input `i` of seed `s` is made from its own generator (seeded with s and i), so
 * any one input is replayed from the two numbers alone, on any machine. Each input is checked by the
 * oracle (oracle.ts); time is judged against a budget calibrated on this machine at the start (the
 * example manifest linted, formatted and fixed), scaled by the input's size and generous (50 times the
 * calibrated cost, at least half a second), so that a slow or busy machine never fails it and a blow-up
 * (quadratic time, catastrophic backtracking) always does. An input over budget is measured twice more
 * and judged by its fastest run. A failing input is shrunk (lines, then characters) for the report.
 */
import { resolveConfig } from '../../engine/config.js';
import { lintBytes, lintText } from '../../engine/lint-document.js';
import { decode } from '../../load/decode.js';
import { exampleTexts, manifestData, plantInText, plantSecrets, toJson, toYaml, type Planted } from './generate.js';
import { encode, mutateBytes, mutateText, type Scale, type TextCase } from './mutate.js';
import { checkInput, type CheckOptions, type FuzzInput, type FuzzLinter, type Violation } from './oracle.js';
import { RULES } from '../../rules/index.js';
import { mix, Random } from './random.js';

/** The date secret expiry is judged against: fixed, so that a replay finds what the run found. */
export const FUZZ_NOW = '2026-06-01';

export const FORMATS = ['stylish', 'json', 'sarif', 'junit', 'markdown', 'github', 'gitlab'];
/** Every input's results go through json; each other formatter takes every sixth input in turn. */
const ROTATION = FORMATS.filter((f) => f !== 'json');

const HOSTILE_NAMES = [
  'fleet/a\u0085b.yaml',
  'fleet/x\n::error file=y::forged.yaml',
  'fleet/\u001b[31mred\u001b[0m.yaml',
  'fleet/\u202eylm.txt.yaml',
  'fleet/\u009b2J.yaml',
  'fleet/name with spaces & <b>|x`.yaml',
  'fleet/%0A%25.yaml',
  'fleet/line\u2028sep.yaml',
  'C:\\fleet\\x.yaml',
  '../outside.yaml',
];

/** Input `index` of the campaign seeded `seed`, at a scale (the normal suite's inputs are smaller). */
export function makeInput(seed: number, index: number, scale: Scale = 'full'): FuzzInput {
  const rng = new Random(mix(seed, index));
  const steps: string[] = [];
  let text: string;
  let json = false;
  let secrets: Planted[];
  if (rng.chance(0.78)) {
    const data = manifestData(rng, scale === 'full');
    secrets = plantSecrets(rng, data, steps);
    json = rng.chance(0.15);
    text = json ? toJson(rng, data) : toYaml(rng, data, steps);
    steps.unshift(json ? 'generated JSON' : 'generated YAML');
  } else {
    const base = rng.pick(exampleTexts());
    const planted = plantInText(rng, base, steps);
    text = planted.text;
    secrets = planted.secrets;
    steps.unshift('an example manifest');
  }
  const c: TextCase = { text, steps, scale };
  const mutations = rng.weighted<number>([
    [35, 0],
    [30, 1],
    [15, 2],
    [12, rng.range(3, 6)],
    [8, rng.range(7, 20)],
  ]);
  for (let i = 0; i < mutations; i++) mutateText(rng, c);
  let bytes = encode(rng, c.text, steps, scale);
  if (rng.chance(0.12)) for (let i = rng.range(1, 4); i > 0; i--) bytes = mutateBytes(rng, bytes, steps);
  let filePath = json ? `fleet/m${index}.json` : `fleet/m${index}.${rng.chance(0.8) ? 'yaml' : 'yml'}`;
  if (rng.chance(0.06)) filePath = rng.pick(HOSTILE_NAMES);
  // a secret in the file name too: scrubbed with the file's secrets (only when it is a plain secret in a field, written plain)
  if (rng.chance(0.01) && secrets[0] && mutations === 0 && !steps.some((s) => s.startsWith('bytes')) && secrets[0].where.endsWith('(text)')) {
    filePath = `fleet/${secrets[0].value.replace(/[/\\]/g, '_')}.yaml`;
    steps.push('a secret in the file name');
  }
  return { bytes, filePath, json, secrets, steps };
}

export interface Calibration {
  /** Milliseconds to lint, format and fix the example manifest (2 KB) on this machine. */
  readonly base: number;
  /** Milliseconds per byte to lint, format and fix a file of a megabyte (the example, 400 times). */
  readonly perByte: number;
  /** Milliseconds per finding to format the findings of a file with many. */
  readonly perFinding: number;
}

/** The budget factor over the calibrated cost, and the least budget (a GC pause, a JIT compile). */
export const BUDGET_FACTOR = 50;
export const BUDGET_FLOOR_MS = 500;

function median(list: number[]): number {
  const sorted = [...list].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] as number;
}

/**
 * The costs on this machine: the example manifest, the same 400 times in one file (so that the cost of
 * a byte is that of a large file, not of a small one's fixed costs), and formatting many findings. Every
 * output is part of each (every formatter, a fix).
 */
export function calibrate(linter: FuzzLinter): Calibration {
  const example = exampleTexts().find((t) => t.includes('MV Nordic Star')) ?? (exampleTexts()[0] as string);
  const fixable = example.replace('timeoutSeconds: 100', 'timeoutSeconds: 5');
  const options: CheckOptions = { formats: FORMATS, fix: true, grant: false };
  const input = (text: string): FuzzInput => ({ bytes: Buffer.from(text, 'utf8'), filePath: 'fleet/nordic-star.yaml', json: false, secrets: [], steps: [] });
  const total = (text: string, opts: CheckOptions = options): { ms: number; findings: number } => {
    const checked = checkInput(linter, input(text), opts);
    return { ms: checked.timings.lint + checked.timings.format + checked.timings.fix, findings: checked.results.reduce((n, r) => n + r.messages.length, 0) };
  };
  const small: number[] = [];
  for (let i = 0; i < 60; i++) {
    const t = total(i % 2 === 0 ? example : fixable).ms;
    if (i >= 20) small.push(t);
  }
  const base = median(small);
  const large = Array.from({ length: 400 }, (_v, i) => (i % 2 === 0 ? example : fixable)).join('\n---\n');
  const largeTimes: number[] = [];
  for (let i = 0; i < 4; i++) {
    const t = total(large).ms;
    if (i >= 1) largeTimes.push(t);
  }
  const perByte = Math.max(0, median(largeTimes) - base) / Buffer.byteLength(large);
  const many = `schemaVersion: 1\n${Array.from({ length: 1200 }, (_v, i) => `unknown${i}: ${i}`).join('\n')}\n`;
  const formatTimes: number[] = [];
  let findings = 1;
  for (let i = 0; i < 6; i++) {
    const checked = checkInput(linter, input(many), { formats: FORMATS, fix: false, grant: false });
    findings = Math.max(1, checked.results.reduce((n, r) => n + r.messages.length, 0));
    if (i >= 2) formatTimes.push(checked.timings.format);
  }
  return { base, perByte, perFinding: median(formatTimes) / findings };
}

/** The time an input may take: generous, scaled by its size and its findings. */
export function budget(calibration: Calibration, bytes: number, findings: number): number {
  return Math.max(BUDGET_FLOOR_MS, BUDGET_FACTOR * (calibration.base + calibration.perByte * bytes + calibration.perFinding * findings));
}

export interface Failure {
  readonly seed: number;
  readonly scale: Scale;
  readonly index: number;
  readonly violations: readonly Violation[];
  readonly input: FuzzInput;
  /** The smallest text found that still fails the same way (when the input is text). */
  readonly shrunk?: string;
}

export interface CampaignReport {
  readonly seed: number;
  readonly runs: number;
  readonly failures: readonly Failure[];
  /** Violations by kind, over every input. */
  readonly counts: Readonly<Record<string, number>>;
  /** Leaks found where a mutation had moved the secret out of its field (not violations). */
  readonly unconfirmed: number;
  readonly milliseconds: number;
  readonly calibration: Calibration;
  /** The slowest input relative to its budget: index and share of the budget used. */
  readonly slowest: { readonly index: number; readonly share: number; readonly ms: number; readonly bytes: number };
}

export interface CampaignOptions {
  readonly seed: number;
  readonly scale: Scale;
  readonly runs: number;
  /** Start at this index (replaying one input: `runs` 1 from its index). */
  readonly from?: number;
  /** Every formatter on every input (else json and one other in turn). */
  readonly allFormats?: boolean;
  /** Check the fixes and the grant script of every input (else of one in six and one in twelve). */
  readonly everyOutput?: boolean;
  /** Keep at most this many failures (each is shrunk); the rest are counted. */
  readonly keep?: number;
  readonly onProgress?: (done: number, failures: number) => void;
  /** Each failure kept, as it is found (a long campaign shows them before it ends). */
  readonly onFailure?: (failure: Failure) => void;
}

/** The engine with every rule at its default severity, judging expiry against FUZZ_NOW. */
export function fuzzLinter(): FuzzLinter {
  const options = { config: resolveConfig(RULES), today: FUZZ_NOW, rules: RULES };
  return {
    lintBytes: (bytes, input) => lintBytes(bytes, input, options),
    lintText: (text, input) => lintText(text, input, options),
  };
}

function optionsFor(index: number, options: CampaignOptions): CheckOptions {
  const every = options.everyOutput ?? false;
  return {
    formats: options.allFormats ? FORMATS : ['json', ROTATION[index % ROTATION.length] as string],
    fix: every || index % 6 === 0,
    grant: every || index % 12 === 1,
  };
}

function signature(v: Violation): string {
  return `${v.kind}: ${v.detail.split('\n')[0]?.replace(/\d+/g, 'N').slice(0, 120)}`;
}

/** Judges one input, time included. */
export function judge(linter: FuzzLinter, calibration: Calibration, input: FuzzInput, options: CheckOptions): { violations: Violation[]; unconfirmed: number; ms: number; allowed: number } {
  let checked = checkInput(linter, input, options);
  const findings = (c: typeof checked): number => c.results.reduce((n, r) => n + r.messages.length, 0);
  const total = (c: typeof checked): number => c.timings.lint + c.timings.format + c.timings.fix;
  let ms = total(checked);
  let allowed = budget(calibration, input.bytes.length, findings(checked));
  if (ms > allowed && ms < 3 * allowed && !checked.violations.some((v) => v.kind === 'crash')) {
    // noise (a GC pause, another process) passes on a second run; a blow-up (far over) is not run again
    for (let i = 0; i < 2 && ms > allowed; i++) {
      checked = checkInput(linter, input, options);
      ms = Math.min(ms, total(checked));
    }
    allowed = budget(calibration, input.bytes.length, findings(checked));
  }
  const violations = [...checked.violations];
  if (ms > allowed) {
    violations.push({
      kind: 'time',
      detail: `${ms.toFixed(0)} ms for ${input.bytes.length} bytes and ${findings(checked)} findings, over the budget of ${allowed.toFixed(0)} ms (${BUDGET_FACTOR} times this machine's calibrated cost)`,
    });
  }
  return { violations, unconfirmed: checked.unconfirmed, ms, allowed };
}

/** The smallest text (lines removed, then characters) that still fails with one of the same kinds. */
export function shrink(linter: FuzzLinter, input: FuzzInput, options: CheckOptions, kinds: ReadonlySet<string>, deadline = 20_000): string | undefined {
  const decoded = decode(input.bytes);
  if (!decoded.ok || decoded.value.encoding !== 'utf-8') return undefined;
  const end = performance.now() + deadline;
  const fails = (text: string): boolean => {
    const checked = checkInput(linter, { ...input, bytes: Buffer.from(text, 'utf8') }, options);
    return checked.violations.some((v) => kinds.has(v.kind));
  };
  let text = decoded.value.text;
  if (!fails(text)) return undefined;
  for (const unit of ['\n', '']) {
    let parts = unit === '\n' ? text.split('\n') : [...text];
    let chunk = Math.max(1, parts.length >> 1);
    while (chunk >= 1 && performance.now() < end) {
      let removed = false;
      for (let i = 0; i < parts.length && performance.now() < end; ) {
        const candidate = [...parts.slice(0, i), ...parts.slice(i + chunk)];
        if (candidate.length < parts.length && fails(candidate.join(unit))) {
          parts = candidate;
          removed = true;
        } else i += chunk;
      }
      if (!removed) chunk >>= 1;
      if (parts.length > 20_000 && unit === '') break;
    }
    text = parts.join(unit);
  }
  return text;
}

/** Runs the campaign; never throws for a failing input (the report lists it). */
export function runCampaign(options: CampaignOptions): CampaignReport {
  const linter = fuzzLinter();
  const calibration = calibrate(linter);
  const started = performance.now();
  const failures: Failure[] = [];
  const counts: Record<string, number> = {};
  const seen = new Set<string>();
  let unconfirmed = 0;
  let slowest = { index: -1, share: 0, ms: 0, bytes: 0 };
  const from = options.from ?? 0;
  const keep = options.keep ?? 20;
  for (let index = from; index < from + options.runs; index++) {
    let input: FuzzInput;
    try {
      input = makeInput(options.seed, index, options.scale);
    } catch (error) {
      // the fuzzer's own fault: counted and reported, and the campaign goes on
      const v: Violation = { kind: 'crash', detail: `the generator threw: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}` };
      counts['generator'] = (counts['generator'] ?? 0) + 1;
      if (failures.length < keep) failures.push({ seed: options.seed, scale: options.scale, index, violations: [v], input: { bytes: new Uint8Array(), filePath: '', json: false, secrets: [], steps: ['the generator threw'] } });
      continue;
    }
    const check = optionsFor(index, options);
    const judged = judge(linter, calibration, input, check);
    unconfirmed += judged.unconfirmed;
    if (judged.ms / judged.allowed > slowest.share) slowest = { index, share: judged.ms / judged.allowed, ms: judged.ms, bytes: input.bytes.length };
    if (judged.violations.length > 0) {
      for (const v of judged.violations) counts[v.kind] = (counts[v.kind] ?? 0) + 1;
      // one failure kept per kind of violation: the next ones of the same kind are counted
      const fresh = judged.violations.filter((v) => !seen.has(signature(v)));
      for (const v of fresh) seen.add(signature(v));
      if (fresh.length > 0 && failures.length < keep) {
        const kinds = new Set(fresh.map((v) => v.kind).filter((k) => k !== 'time'));
        const shrunk = kinds.size > 0 ? shrink(linter, input, check, kinds, options.scale === 'full' ? 20_000 : 5_000) : undefined;
        const failure: Failure = { seed: options.seed, scale: options.scale, index, violations: judged.violations, input, ...(shrunk !== undefined ? { shrunk } : {}) };
        failures.push(failure);
        options.onFailure?.(failure);
      }
    }
    if ((index - from + 1) % 5000 === 0) options.onProgress?.(index - from + 1, failures.length);
  }
  return { seed: options.seed, runs: options.runs, failures, counts, unconfirmed, milliseconds: performance.now() - started, calibration, slowest };
}

/** A failure as the report shows it: what failed, how to replay it, the input (shrunk when possible). */
export function describeFailure(f: Failure, replay: (seed: number, index: number, scale: Scale) => string): string {
  const text = f.shrunk ?? Buffer.from(f.input.bytes).toString('utf8');
  const shown = JSON.stringify(text.length > 3000 ? `${text.slice(0, 3000)}...` : text);
  return [
    `input ${f.index} of seed ${f.seed} (${f.input.bytes.length} bytes, ${JSON.stringify(f.input.filePath)}): ${f.input.steps.join(', ')}`,
    ...f.violations.slice(0, 8).map((v) => `  ${v.kind}: ${v.detail.split('\n').slice(0, 6).join('\n    ')}`),
    `  replay: ${replay(f.seed, f.index, f.scale)}`,
    `  ${f.shrunk !== undefined ? 'shrunk input' : 'input'}: ${shown}`,
  ].join('\n');
}
