/** One entry of the keyboard help at the bottom of every screen. */
export interface KeyHelp {
  readonly keys: string;
  readonly action: string;
}

export function keys(...pairs: [string, string][]): KeyHelp[] {
  return pairs.map(([k, action]) => ({ keys: k, action }));
}
