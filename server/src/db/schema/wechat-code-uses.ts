import type { Insertable, Selectable } from 'kysely';

/** WeChat login codes already exchanged: code2Session accepts each code once. */
export interface WechatCodeUsesTable {
  codeHash: string;
  usedAt: string;
}

export type WechatCodeUseRow = Selectable<WechatCodeUsesTable>;
export type NewWechatCodeUseRow = Insertable<WechatCodeUsesTable>;

export const tableName = 'wechatCodeUses';
export type PartialDatabase = { [tableName]: WechatCodeUsesTable };
