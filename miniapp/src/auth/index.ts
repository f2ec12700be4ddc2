export { getDeviceId } from './device-id';
export { activeSession, endSession, startSession, updateSessionUser } from './session-store';
export { useSession, type SessionState } from './use-session';
