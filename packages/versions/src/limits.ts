/** The longest text `parse` accepts, surrounding whitespace included, in UTF-16 code units. */
export const VERSION_MAX_LENGTH = 256;

/** The largest value of each part of a version (the .NET assembly-version limit). */
export const VERSION_PART_MAX = 65534;

/** True when `value` is a whole number from 0 to {@link VERSION_PART_MAX}. */
export function isVersionPart(value: unknown): value is number {
  return typeof value === 'number' && Number.isInteger(value) && value >= 0 && value <= VERSION_PART_MAX;
}
