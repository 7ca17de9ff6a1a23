/** Who is enrolling or using a second factor (TOTP or a passkey): a member acting in their tenant, role aside. */
export interface FactorActor {
  userId: string;
  tenantId: string;
  requestId: string;
}
