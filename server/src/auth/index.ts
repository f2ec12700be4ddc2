import { api } from '@cbc/shared';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { requireDeviceId } from '../http/device-id';
import { noStore } from '../http/no-store';
import { addressLimit, phoneAndAddressLimits } from '../http/rate-limits';
import { requestLanguage } from '../i18n/request-language';
import { authHooks, currentAuth, currentUser } from '../plugins/auth';
import { describeEndpoint } from '../plugins/openapi';
import { toUser } from './service';

const authRoutes: FastifyPluginAsyncZod = async (app) => {
  const { requestSmsCode, register, login, wechatLogin, logout, me } = api;
  const service = app.authService;
  const limits = app.config.rateLimits;
  app.addHook('onRequest', noStore);

  const smsLimits = phoneAndAddressLimits(app, limits.smsCode);
  app.post(
    requestSmsCode.path,
    {
      schema: {
        ...describeEndpoint(requestSmsCode),
        description: 'Needs the `x-device-id` header: the simulated SMS lands in that device’s inbox.',
        body: requestSmsCode.body,
        response: requestSmsCode.responses,
      },
      onRequest: [smsLimits.onRequest],
      preHandler: [smsLimits.preHandler],
    },
    async (request) => service.requestSmsCode(request.body, requireDeviceId(request), requestLanguage(request)),
  );

  const registerLimits = phoneAndAddressLimits(app, limits.register);
  app.post(
    register.path,
    {
      schema: {
        ...describeEndpoint(register),
        body: register.body,
        response: register.responses,
      },
      onRequest: [registerLimits.onRequest, ...authHooks(app, register)],
      preHandler: [registerLimits.preHandler],
    },
    async (request, reply) => {
      const session = await service.register(request.body, request.auth, requestLanguage(request));
      return reply.code(201).send(session);
    },
  );

  const loginLimits = phoneAndAddressLimits(app, limits.login);
  app.post(
    login.path,
    {
      schema: { ...describeEndpoint(login), body: login.body, response: login.responses },
      onRequest: [loginLimits.onRequest],
      preHandler: [loginLimits.preHandler],
    },
    async (request) => service.login(request.body),
  );

  app.post(
    wechatLogin.path,
    {
      schema: {
        ...describeEndpoint(wechatLogin),
        body: wechatLogin.body,
        response: wechatLogin.responses,
      },
      onRequest: [addressLimit(app, limits.wechatPerAddress)],
    },
    async (request) => service.wechatLogin(request.body),
  );

  app.post(
    logout.path,
    {
      schema: {
        ...describeEndpoint(logout),
        response: logout.responses,
      },
      onRequest: authHooks(app, logout),
    },
    async (request, reply) => {
      await service.logout(currentAuth(request));
      return reply.code(204).send(null);
    },
  );

  app.get(
    me.path,
    {
      schema: { ...describeEndpoint(me), response: me.responses },
      onRequest: authHooks(app, me),
    },
    async (request) => toUser(currentUser(request)),
  );
};

export default authRoutes;
