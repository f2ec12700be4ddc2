import { api, toE164 } from '@cbc/shared';
import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { SessionUser } from '../db/schema/index';
import { AppError } from '../errors/app-error';
import { contractRoute } from '../http/contract-route';
import { okReplyJson } from '../http/serializer-compiler';
import { sendStoredJson, type StoredJson } from '../http/stored-json';
import { requireDeviceId } from '../http/device-id';
import { noStore } from '../http/no-store';
import { addressLimit, phoneAndAddressLimits } from '../http/rate-limits';
import { requestLanguage } from '../i18n/request-language';
import { currentAuth, currentUser } from '../plugins/auth';
import { createLoginBrake } from './login-brake';
import { toUser } from './service';

const authRoutes: FastifyPluginAsyncZod = async (app) => {
  const { requestSmsCode, register, resetPassword, login, wechatLogin, logout, me } = api;
  const service = app.authService;
  const limits = app.config.rateLimits;
  app.addHook('onRequest', noStore);

  const smsLimits = phoneAndAddressLimits(app, 'sms-code', limits.smsCode);
  app.route({
    ...contractRoute(app, requestSmsCode, {
      description: 'Needs the `x-device-id` header: the simulated SMS lands in that device’s inbox.',
      onRequest: [smsLimits.onRequest],
    }),
    preHandler: [smsLimits.preHandler],
    handler: async (request) =>
      service.requestSmsCode(request.body, requireDeviceId(request), requestLanguage(request)),
  });

  // A code is entered only on the device that asked for it: the device id is required, and the tries
  // of a phone are braked per device, so a stranger's wrong guesses brake neither the owner nor the code.
  const codeDescription = 'Needs the `x-device-id` header of the device that requested the SMS code.';
  const deviceRequired = async (request: FastifyRequest) => void requireDeviceId(request);
  const registerLimits = phoneAndAddressLimits(app, 'register', limits.register, { perDevice: true });
  app.route({
    ...contractRoute(app, register, {
      description: codeDescription,
      onRequest: [registerLimits.onRequest, deviceRequired],
    }),
    preHandler: [registerLimits.preHandler],
    handler: async (request, reply) => {
      const deviceId = requireDeviceId(request);
      const session = await service.register(request.body, request.auth, requestLanguage(request), deviceId);
      return reply.code(201).send(session);
    },
  });

  // Checking a reset code is braked like checking a register code (the same limits, counted apart).
  const resetLimits = phoneAndAddressLimits(app, 'password-reset', limits.register, { perDevice: true });
  app.route({
    ...contractRoute(app, resetPassword, {
      description: codeDescription,
      onRequest: [resetLimits.onRequest, deviceRequired],
    }),
    preHandler: [resetLimits.preHandler],
    handler: async (request) => service.resetPassword(request.body, requestLanguage(request), requireDeviceId(request)),
  });

  // Per address (any phones) before the body is read; then failed passwords per phone and address pair,
  // and per phone alone with a far higher bar (login-brake.ts): no stranger can lock an owner out cheaply.
  const loginBrake = createLoginBrake(app.db, limits.login, app.clock);
  app.route({
    ...contractRoute(app, login, { onRequest: [addressLimit(app, 'login', limits.login.perAddress)] }),
    handler: async (request) => {
      const { phone } = request.body;
      const attempt = await loginBrake.begin(toE164(phone.region, phone.number), request.ip);
      try {
        const session = await service.login(request.body);
        await attempt.release({ clearPair: true });
        return session;
      } catch (error) {
        if (error instanceof AppError && error.code === 'INVALID_CREDENTIALS') attempt.failed();
        else await attempt.release();
        throw error;
      }
    },
  });

  app.route({
    ...contractRoute(app, wechatLogin, { onRequest: [addressLimit(app, 'wechat-login', limits.wechatPerAddress)] }),
    handler: async (request) => service.wechatLogin(request.body),
  });

  app.route({
    ...contractRoute(app, logout),
    handler: async (request, reply) => {
      await service.logout(currentAuth(request));
      return reply.code(204).send(null);
    },
  });

  // A user's reply, made once per session read (the same user object answers until the session cache reads
  // the row again) instead of mapped, checked and written out on every request.
  const meReplies = new WeakMap<object, StoredJson>();
  const meReplyOf = (user: SessionUser): StoredJson => {
    let stored = meReplies.get(user);
    if (!stored) {
      stored = { json: okReplyJson(me, toUser(user)) };
      meReplies.set(user, stored);
    }
    return stored;
  };
  app.route({
    ...contractRoute(app, me),
    // Under the compression threshold; sendStoredJson would compress a larger reply once.
    compress: false,
    handler: (request, reply) => {
      sendStoredJson(request, reply, meReplyOf(currentUser(request)));
    },
  });
};

export default authRoutes;
