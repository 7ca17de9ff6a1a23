/** How the backoffice shows a contrast ratio; the ratio itself comes from @candor/schemas, as the careers site's does. */

/** "4.5:1", rounded down so a ratio just under the bar never shows as meeting it. */
export function ratioLabel(ratio: number): string {
  return `${(Math.floor(ratio * 10) / 10).toFixed(1)}:1`;
}

export const HEX_COLOR = /^#[0-9a-fA-F]{6}$/;
