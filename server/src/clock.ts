/**
 * The server's notion of "now". Everything that expires (SMS codes, WeChat codes, sessions, the
 * resend throttle) asks this instead of `new Date()`, so tests move time instead of sleeping.
 */
export type Clock = () => Date;

export const systemClock: Clock = () => new Date();

export const addSeconds = (date: Date, seconds: number): Date => new Date(date.getTime() + seconds * 1000);
