/**
 * Attributes for a box that may scroll (a wide or tall table): keyboard users must be able to focus it to
 * scroll it (WCAG 2.1.1; axe "scrollable-region-focusable"), and a focusable box needs a name.
 */
export function scrollRegion(label: string): { role: 'region'; tabIndex: 0; 'aria-label': string } {
  return { role: 'region', tabIndex: 0, 'aria-label': label };
}
