import { randomInt, randomUUID } from 'node:crypto';
import {
  SMS_CODE_MAX_ATTEMPTS,
  SMS_CODE_TTL_SECONDS,
  SMS_RESEND_AFTER_SECONDS,
  maskPhone,
  toE164,
  type Language,
  type LoginRequest,
  type Notice,
  type PasswordResetRequest,
  type RegisterRequest,
  type Session,
  type SmsCodePurpose,
  type SmsCodeReply,
  type SmsCodeRequest,
  type User,
  type WechatLoginRequest,
} from '@cbc/shared';
import type { Kysely } from 'kysely';
import { addSeconds, type Clock } from '../clock';
import { isUniqueViolation } from '../db/errors';
import type { Database, SessionUser, SmsCodeRow, UserRow } from '../db/schema/index';
import { TooManyRequestsError, UnauthenticatedError } from '../errors/app-error';
import type { MessagesService } from '../messages/service';
import { hitCounter, secondsUntil } from '../rate-counters/queries';
import type { KeyedHasher } from '../security/keyed-hash';
import { hashPassword, verifyPassword } from '../security/password';
import { bearerToken, newSessionToken, sessionTokenHash } from '../security/session-token';
import type { SessionCache } from './session-cache';
import { announceSessionChange } from './session-changes';
import {
  AccountHasPhoneError,
  PhoneAlreadyRegisteredError,
  SmsCodeExpiredError,
  SmsCodeInvalidError,
  SmsCodeLockedError,
  SmsCodeNotRequestedError,
  WechatCodeError,
} from './errors';
import {
  consumeSmsCode,
  countWrongSmsAttempt,
  findSessionWithUser,
  findUserById,
  findUserByOpenid,
  findUserByPhone,
  insertSession,
  insertSmsCode,
  insertUser,
  latestSmsCode,
  linkPhoneToUser,
  recordWechatCodeUse,
  revokeSession,
  revokeUserSessions,
  setUserPassword,
  type SessionWithUser,
} from './queries';
import { exchangeWechatCode } from './wechat';

/** The logged-in user of a request, and which session it came with (logout revokes that one). */
export interface AuthContext {
  readonly user: Readonly<SessionUser>;
  readonly tokenHash: string;
}

export interface AuthService {
  requestSmsCode(input: SmsCodeRequest, deviceId: string, lang: Language): Promise<SmsCodeReply>;
  /** Creates an account, or links the phone to the WeChat-only account of `current`. */
  /** `deviceId` must be the device that requested the code: the code is checked against its codes only. */
  register(input: RegisterRequest, current: AuthContext | null, lang: Language, deviceId: string): Promise<Session>;
  /**
   * 忘记密码: a new password with a `reset_password` code. Ends every session of the account and
   * returns a new one for this device, as it just proved the phone and chose the password.
   */
  resetPassword(input: PasswordResetRequest, lang: Language, deviceId: string): Promise<Session>;
  login(input: LoginRequest): Promise<Session>;
  wechatLogin(input: WechatLoginRequest): Promise<Session & { created: boolean }>;
  logout(context: AuthContext): Promise<void>;
  /** null without an Authorization header; throws 401 for a malformed, unknown, revoked or expired token. */
  authenticate(authorization: string | undefined): Promise<AuthContext | null>;
}

export interface AuthServiceDeps {
  db: Kysely<Database>;
  clock: Clock;
  hasher: KeyedHasher;
  messages: MessagesService;
  sessionTtlDays: number;
  /** Sessions read recently; the service makes it forget every user it changes. */
  sessions: SessionCache<SessionWithUser>;
}

/**
 * One request context per session row read, shared by every request the row answers from the session cache:
 * the same user object each time lets a route keep what it made from it (`GET /me` keeps its reply). Frozen,
 * so a route that tried to change it would throw instead of changing it for the others.
 */
const contexts = new WeakMap<SessionWithUser, AuthContext>();

function contextOf(row: SessionWithUser): AuthContext {
  let context = contexts.get(row);
  if (!context) {
    const { expiresAt: _expiresAt, revokedAt: _revokedAt, tokenHash, ...user } = row;
    context = Object.freeze({ user: Object.freeze(user), tokenHash });
    contexts.set(row, context);
  }
  return context;
}

export function toUser(row: SessionUser): User {
  return {
    id: row.id,
    phone: row.phoneE164,
    phoneRegion: row.phoneRegion,
    email: row.email,
    wechatLinked: row.wechatOpenid !== null,
    createdAt: row.createdAt,
  };
}

const smsCodePurpose = 'sms';

export function createAuthService(deps: AuthServiceDeps): AuthService {
  const { db, clock, hasher, messages, sessions } = deps;
  const now = () => clock();
  const iso = () => now().toISOString();

  // Unknown phones still cost one scrypt run, so the reply time does not tell who is registered.
  let dummyHash: Promise<string> | undefined;
  const dummyPasswordHash = () => (dummyHash ??= hashPassword(randomUUID()));

  async function createSession(userId: string, executor: Kysely<Database> = db) {
    const { token, tokenHash } = newSessionToken();
    const createdAt = now();
    const expiresAt = addSeconds(createdAt, deps.sessionTtlDays * 24 * 60 * 60).toISOString();
    await insertSession(executor, {
      tokenHash,
      userId,
      createdAt: createdAt.toISOString(),
      expiresAt,
      revokedAt: null,
    });
    return { token, expiresAt };
  }

  /**
   * Checks the latest code sent to the phone at this device's request; wrong tries are counted even
   * though the request fails. Another device's guesses never reach that code: they get the same answer
   * as when no code is pending, so they neither spend the owner's tries nor learn that a code exists.
   */
  async function verifySmsCode(phoneE164: string, code: string, purpose: SmsCodePurpose, deviceId: string) {
    const sent = await latestSmsCode(db, phoneE164, purpose, deviceId);
    // Nothing to compare against: this device must request a code first.
    if (!sent) throw new SmsCodeNotRequestedError();
    if (sent.attempts >= SMS_CODE_MAX_ATTEMPTS) throw new SmsCodeLockedError();
    if (sent.expiresAt <= iso()) throw new SmsCodeExpiredError();
    if (!hasher.matches(smsCodePurpose, `${phoneE164}:${code}`, sent.codeHash)) {
      const attempts = await countWrongSmsAttempt(db, sent.id, SMS_CODE_MAX_ATTEMPTS);
      if (attempts === undefined || attempts >= SMS_CODE_MAX_ATTEMPTS) throw new SmsCodeLockedError();
      throw new SmsCodeInvalidError(SMS_CODE_MAX_ATTEMPTS - attempts);
    }
    return sent;
  }

  /** Uses a checked code inside the caller's transaction, or says why it no longer can. */
  async function useSmsCode(trx: Kysely<Database>, sent: SmsCodeRow): Promise<void> {
    const at = iso();
    if (await consumeSmsCode(trx, sent.id, SMS_CODE_MAX_ATTEMPTS, at)) return;
    // It expired while the password was hashed, or a parallel request used it first.
    if (sent.expiresAt <= at) throw new SmsCodeExpiredError();
    throw new SmsCodeInvalidError(0);
  }

  return {
    async requestSmsCode(input, deviceId, lang) {
      const phoneE164 = toE164(input.phone.region, input.phone.number);
      const account = await findUserByPhone(db, phoneE164);
      if (input.purpose === 'register' && account) throw new PhoneAlreadyRegisteredError();

      const sentAt = now();
      // "One code per phone per minute", across devices and instances: one counted upsert decides, so
      // two requests at once cannot both read "none sent yet" and both send.
      const resend = await hitCounter(
        db,
        `sms-resend ${input.purpose} ${phoneE164}`,
        SMS_RESEND_AFTER_SECONDS * 1000,
        sentAt,
      );
      if (resend.count > 1) throw new TooManyRequestsError(secondsUntil(resend, sentAt), 'SMS_CODE_TOO_SOON');

      const code = String(randomInt(0, 1_000_000)).padStart(6, '0');
      const expiresAt = addSeconds(sentAt, SMS_CODE_TTL_SECONDS).toISOString();
      // A reset for a phone without an account stores a code too, one that is never sent: the reply,
      // the resend throttle and a wrong-code answer then look the same as for a registered phone. Only
      // the SMS tells, and only the phone's holder reads it (here: the device that asked).
      const minutes = SMS_CODE_TTL_SECONDS / 60;
      let notice: Notice = { kind: 'sms_code', code, minutes };
      if (input.purpose === 'reset_password') {
        notice = account ? { kind: 'reset_code', code, minutes } : { kind: 'reset_no_account' };
      }
      await insertSmsCode(db, {
        id: randomUUID(),
        phoneE164,
        purpose: input.purpose,
        codeHash: hasher.hash(smsCodePurpose, `${phoneE164}:${code}`),
        deviceId,
        createdAt: sentAt.toISOString(),
        expiresAt,
        consumedAt: null,
      });
      // The simulated SMS: what the phone would receive, stored for the device's inbox.
      const message = await messages.send({
        notice,
        channel: 'sms',
        to: maskPhone(phoneE164),
        lang,
        deviceId,
        phoneE164,
      });
      return { expiresAt, resendAfterSeconds: SMS_RESEND_AFTER_SECONDS, message };
    },

    async register(input, current, lang, deviceId) {
      const phoneE164 = toE164(input.phone.region, input.phone.number);
      if (current?.user.phoneE164) throw new AccountHasPhoneError();
      if (await findUserByPhone(db, phoneE164)) throw new PhoneAlreadyRegisteredError();
      const sent = await verifySmsCode(phoneE164, input.smsCode, 'register', deviceId);
      // Hashing takes tens of milliseconds: do it before the transaction holds the database.
      const passwordHash = await hashPassword(input.password);
      const account = {
        phoneE164,
        phoneRegion: input.phone.region,
        email: input.email ?? null,
        passwordHash,
      };

      try {
        const { userId, session } = await db.transaction().execute(async (trx) => {
          await useSmsCode(trx, sent);
          let userId: string;
          if (current) {
            userId = current.user.id;
            if (!(await linkPhoneToUser(trx, userId, account))) throw new AccountHasPhoneError();
            await announceSessionChange(trx, userId);
          } else {
            userId = randomUUID();
            await insertUser(trx, { id: userId, ...account, wechatOpenid: null, createdAt: iso() });
          }
          await messages.claimPhoneMessages(phoneE164, userId, trx);
          await messages.send(
            { notice: { kind: 'welcome' }, channel: 'app', to: maskPhone(phoneE164), lang, userId, phoneE164 },
            trx,
          );
          return { userId, session: await createSession(userId, trx) };
        });
        // Committed: the account's sessions now have a phone, which this instance's cache must not hide.
        if (current) sessions.forgetUser(userId);
        const user = await findUserById(db, userId);
        if (!user) throw new Error(`user ${userId} vanished right after registration`);
        return { ...session, user: toUser(user) };
      } catch (error) {
        // Two registrations of one phone at once: the second loses on the unique index.
        if (isUniqueViolation(error)) throw new PhoneAlreadyRegisteredError();
        throw error;
      }
    },

    async resetPassword(input, lang, deviceId) {
      const phoneE164 = toE164(input.phone.region, input.phone.number);
      // The code first: for a phone without an account it fails like any wrong code (see requestSmsCode).
      const sent = await verifySmsCode(phoneE164, input.smsCode, 'reset_password', deviceId);
      const user = await findUserByPhone(db, phoneE164);
      if (!user) throw new SmsCodeInvalidError(0);
      const passwordHash = await hashPassword(input.password);
      const session = await db.transaction().execute(async (trx) => {
        await useSmsCode(trx, sent);
        await setUserPassword(trx, user.id, passwordHash);
        // Every session, this device's included: whoever held the old password is out everywhere.
        await revokeUserSessions(trx, user.id, iso());
        await announceSessionChange(trx, user.id);
        // The reset code (and anything else sent to this phone before) moves from the device to the account.
        await messages.claimPhoneMessages(phoneE164, user.id, trx);
        await messages.send(
          {
            notice: { kind: 'password_reset', at: iso() },
            channel: 'app',
            to: maskPhone(phoneE164),
            lang,
            userId: user.id,
            phoneE164,
          },
          trx,
        );
        return createSession(user.id, trx);
      });
      sessions.forgetUser(user.id);
      return { ...session, user: toUser(user) };
    },

    async login(input) {
      const phoneE164 = toE164(input.phone.region, input.phone.number);
      const user = await findUserByPhone(db, phoneE164);
      const ok = await verifyPassword(input.password, user?.passwordHash ?? (await dummyPasswordHash()));
      if (!user || user.passwordHash === null || !ok) throw new UnauthenticatedError('INVALID_CREDENTIALS');
      return { ...(await createSession(user.id)), user: toUser(user) };
    },

    async wechatLogin(input) {
      const { openid, codeHash } = exchangeWechatCode(input.code, now(), hasher);
      if (!(await recordWechatCodeUse(db, codeHash, iso()))) throw new WechatCodeError('WECHAT_CODE_USED');
      let user = await findUserByOpenid(db, openid);
      let created = false;
      if (!user) {
        const row: UserRow = {
          id: randomUUID(),
          phoneE164: null,
          phoneRegion: null,
          email: null,
          passwordHash: null,
          wechatOpenid: openid,
          createdAt: iso(),
        };
        try {
          await insertUser(db, row);
          user = row;
          created = true;
        } catch (error) {
          // The same WeChat user logging in twice at once: both get the one account.
          if (!isUniqueViolation(error)) throw error;
          user = await findUserByOpenid(db, openid);
          if (!user) throw error;
        }
      }
      return { ...(await createSession(user.id)), user: toUser(user), created };
    },

    async logout(context) {
      await db.transaction().execute(async (trx) => {
        await revokeSession(trx, context.tokenHash, iso());
        await announceSessionChange(trx, context.user.id);
      });
      sessions.forgetUser(context.user.id);
    },

    async authenticate(authorization) {
      const token = bearerToken(authorization);
      if (token === null) return null;
      const tokenHash = sessionTokenHash(token);
      if (!tokenHash) throw new UnauthenticatedError();
      const row = await sessions.read(tokenHash, () => findSessionWithUser(db, tokenHash));
      if (!row || row.revokedAt !== null) throw new UnauthenticatedError();
      if (row.expiresAt <= iso()) throw new UnauthenticatedError('SESSION_EXPIRED');
      return contextOf(row);
    },
  };
}
