import { formatJson } from '../format/json.js';
import { formatText } from '../format/text.js';
import { probe, type ProbeOptions } from '../probe.js';
import type { ProbeReport } from '../report.js';
import { manifestText, SECRET_VALUE, type Lab, type ManifestData } from '../testing/lab.js';

export interface Probed {
  readonly report: ProbeReport;
  readonly text: string;
  readonly json: string;
  /** The JSON format parsed back. */
  // biome-ignore lint/suspicious/noExplicitAny: the parsed JSON format, read field by field by tests
  readonly parsed: any;
  readonly progress: readonly string[];
}

let n = 0;

/** Writes the manifest into the lab and probes it with the lab's CA, the secret in TM_MAIL_SECRET. */
export async function probeLab(lab: Lab, manifest: ManifestData, options: Partial<ProbeOptions> = {}): Promise<Probed> {
  const file = lab.write(`m${++n}.yaml`, manifestText(manifest));
  const progress: string[] = [];
  const report = await probe({
    filePath: file,
    env: { TM_MAIL_SECRET: SECRET_VALUE },
    caFile: lab.caFile,
    timeoutSeconds: 20,
    onProgress: (line) => progress.push(line),
    ...options,
  });
  const json = formatJson(report, { toolName: 'tmcheck', toolVersion: '0.0.0-test' });
  return { report, text: formatText(report, { color: false }), json, parsed: JSON.parse(json), progress };
}

/** The steps of a section, by section name and step ID. */
export function stepOf(report: ProbeReport, section: string, id: string) {
  const s = report.installations[0]?.sections.find((x) => x.name === section)?.steps.find((x) => x.id === id);
  if (!s) throw new Error(`no step ${id} in ${section}`);
  return s;
}
