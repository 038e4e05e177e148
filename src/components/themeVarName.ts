/**
 * Stands in for `lodash.kebabcase` in the weapp build (config/index.ts, an alias): NutUI's
 * ConfigProvider turns each theme key (nutuiColorPrimaryStop1) into its CSS variable
 * (--nutui-color-primary-stop-1) with it, and lodash's Unicode word tables weigh 4 KiB of the main
 * package. Same words for ASCII identifiers: lower-to-upper case changes, runs of capitals, digits.
 */
const WORDS = /[A-Z]+(?=[A-Z][a-z])|[A-Z]?[a-z]+|[A-Z]+|[0-9]+/g;

export default function kebabCase(value: unknown): string {
  return (String(value ?? '').match(WORDS) ?? []).map((w) => w.toLowerCase()).join('-');
}
