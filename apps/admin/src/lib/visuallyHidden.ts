/**
 * `sx` for text read by screen readers but not shown, e.g. the header of an
 * actions column. Sizes are strings: in `sx`, a bare 1 would mean 100%.
 */
export const visuallyHidden = {
  border: 0,
  clip: 'rect(0 0 0 0)',
  height: '1px',
  margin: '-1px',
  overflow: 'hidden',
  padding: 0,
  position: 'absolute',
  whiteSpace: 'nowrap',
  width: '1px',
} as const;
