/**
 * Candor's mark: an open "C" around a dot, in the theme's teal (the same
 * drawing as public/favicon.svg). Decorative: the product name beside it is the text.
 */
export function CandorMark({ size = 40 }: { size?: number }) {
  return (
    <svg width={size} height={size} viewBox="0 0 32 32" aria-hidden="true" focusable="false">
      <rect width="32" height="32" rx="7" fill="#0f766e" />
      <path
        d="M21.6 10.4a8 8 0 1 0 0 11.2"
        fill="none"
        stroke="#fff"
        strokeWidth="3.4"
        strokeLinecap="round"
      />
      <circle cx="22.5" cy="16" r="2.3" fill="#fff" />
    </svg>
  );
}
