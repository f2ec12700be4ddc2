import type { SmsCodePurpose } from '@cbc/shared';
import type { Generated, Insertable, Selectable } from 'kysely';

/** A simulated SMS verification code, kept as a keyed hash; `attempts` counts wrong tries. */
export interface SmsCodesTable {
  id: string;
  phoneE164: string;
  purpose: SmsCodePurpose;
  codeHash: string;
  /** The device that asked, so its inbox shows the simulated SMS before the user exists. */
  deviceId: string;
  createdAt: string;
  expiresAt: string;
  attempts: Generated<number>;
  consumedAt: string | null;
}

export type SmsCodeRow = Selectable<SmsCodesTable>;
export type NewSmsCodeRow = Insertable<SmsCodesTable>;

export const tableName = 'smsCodes';
export type PartialDatabase = { [tableName]: SmsCodesTable };
