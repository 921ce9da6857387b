/** A template's file-name pattern ("{docNumber}-{unitName}") filled from its values: one rule for the CLI and the browser. */
export function fillFileNamePattern(pattern: string, values: Record<string, unknown>, extra: Record<string, string | number>): string {
  return pattern.replace(/\{([A-Za-z_@][A-Za-z0-9_]*)\}/g, (_, key: string) => {
    const v = key in extra ? extra[key] : values[key];
    return v === undefined || v === null ? '' : Array.isArray(v) ? v.join('、') : String(v);
  });
}
