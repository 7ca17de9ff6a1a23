/**
 * The Global Privacy Control support resource (/.well-known/gpc.json): this
 * site honours the signal. The apply form records it with the consent
 * events and declines marketing-type purposes when it is on.
 */
export const GPC_SUPPORT = { gpc: true, lastUpdate: '2026-11-23' } as const;
