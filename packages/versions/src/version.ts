/**
 * A TM Master build version `MAJOR.DB.BUILD[.REVISION]`, e.g. `2.664.8271.20345`.
 *
 * Every part is a whole number from 0 to 65534. `revision` is omitted (not set to
 * `undefined`) when the text had only three parts.
 */
export interface Version {
  readonly major: number;
  readonly db: number;
  readonly build: number;
  readonly revision?: number;
}
