export { ensureWechatPayKeys, PLATFORM_DIR, type PlatformKeys } from './keys';
export { createWechatPaySimulator, type WechatPaySimulator, type WechatPaySimulatorDeps } from './simulator';
