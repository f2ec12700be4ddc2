/**
 * The simulated platform's own error replies, shaped like WeChat Pay v3's (shared/PAYMENTS.md §1):
 * `{"code":"PARAM_ERROR","message":"参数错误","detail":{"field":"/amount/total","location":"body"}}`,
 * with the status v3 gives each code. Never the API's envelope: a merchant SDK parses these.
 */

export type V3ErrorCode =
  | 'PARAM_ERROR'
  | 'INVALID_REQUEST'
  | 'APPID_MCHID_NOT_MATCH'
  | 'ORDER_CLOSED'
  | 'SIGN_ERROR'
  | 'OUT_TRADE_NO_USED'
  | 'TRADE_ERROR'
  | 'ORDER_NOT_EXIST'
  | 'SYSTEM_ERROR';

export interface V3ErrorDetail {
  field?: string;
  location?: 'body' | 'query' | 'uri_template' | 'header';
  issue?: string;
}

export class V3Error extends Error {
  constructor(
    readonly statusCode: number,
    readonly code: V3ErrorCode,
    readonly reply: string,
    readonly detail?: V3ErrorDetail,
  ) {
    super(`${code} ${reply}`);
    this.name = 'V3Error';
  }

  toJSON() {
    return { code: this.code, message: this.reply, ...(this.detail ? { detail: this.detail } : {}) };
  }
}

export const paramError = (detail: V3ErrorDetail, message = '参数错误') =>
  new V3Error(400, 'PARAM_ERROR', message, detail);

export const orderNotExist = () => new V3Error(404, 'ORDER_NOT_EXIST', '订单不存在');
