/**
 * A copy of a string that holds none of the text it was cut from. V8 keeps a substring (every value
 * and key the YAML parser reads: `input.slice(start, end)`) as a view of the whole input, and a string
 * joined from such pieces keeps the pieces: a finding that quotes one Token URL, or a memo keyed by it,
 * would keep its manifest's whole text alive for the rest of the run (a fleet of 300 files of 3 MB
 * grew to more than a gigabyte). What outlives a document (findings, results, memo keys) is detached.
 */
export function detach(text: string): string {
  // joined with one character, then cut: V8 copies the joined text into a new flat string (a short one
  // is copied by the cut itself); the cut is of that copy, not of the input
  return ` ${text}`.slice(1);
}
