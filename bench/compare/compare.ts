/** Deep comparison of two normalised answers, as a short list of the paths where they differ. */

export function differences(
  expected: unknown,
  actual: unknown,
  path = '$',
  out: string[] = [],
): string[] {
  if (Object.is(expected, actual)) return out;
  if (Array.isArray(expected) && Array.isArray(actual)) {
    if (expected.length !== actual.length) {
      out.push(`${path}: ${expected.length} items vs ${actual.length}`);
    }
    for (let i = 0; i < Math.min(expected.length, actual.length); i++) {
      differences(expected[i], actual[i], `${path}[${i}]`, out);
    }
    return out;
  }
  if (isObject(expected) && isObject(actual)) {
    const keys = new Set([...Object.keys(expected), ...Object.keys(actual)]);
    for (const key of keys) differences(expected[key], actual[key], `${path}.${key}`, out);
    return out;
  }
  out.push(`${path}: ${brief(expected)} vs ${brief(actual)}`);
  return out;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function brief(value: unknown): string {
  const text = JSON.stringify(value) ?? 'undefined';
  return text.length > 80 ? `${text.slice(0, 77)}...` : text;
}
