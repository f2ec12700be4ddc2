/**
 * Login codes of the simulated WeChat used by the browser build, where `wx.login()` does not exist.
 * Real codes are opaque and expire after 5 minutes (code2Session:
 * https://developers.weixin.qq.com/miniprogram/dev/OpenApiDoc/user-login/code2Session.html). A simulated
 * code carries the device's simulated WeChat identity (`seed`) and when it was issued, so the server can
 * give the same device the same openid and refuse stale codes; a nonce makes each code single-use.
 */
export const SIMULATED_WECHAT_CODE_PREFIX = 'wxsim';

export interface SimulatedWechatCode {
  seed: string;
  issuedAt: number;
  nonce: string;
}

const SEED = /^[A-Za-z0-9_-]{16,43}$/;
const NONCE = /^[A-Za-z0-9_-]{8,32}$/;

export function makeSimulatedWechatCode({ seed, issuedAt, nonce }: SimulatedWechatCode): string {
  return [SIMULATED_WECHAT_CODE_PREFIX, seed, String(issuedAt), nonce].join('.');
}

export function parseSimulatedWechatCode(code: string): SimulatedWechatCode | null {
  const [prefix, seed = '', issued = '', nonce = '', ...rest] = code.split('.');
  if (prefix !== SIMULATED_WECHAT_CODE_PREFIX || rest.length > 0) return null;
  if (!SEED.test(seed) || !NONCE.test(nonce) || !/^\d{10,16}$/.test(issued)) return null;
  return { seed, issuedAt: Number(issued), nonce };
}
