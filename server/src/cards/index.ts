import multipart from '@fastify/multipart';
import { ID_PHOTO_FIELD, ID_PHOTO_MAX_BYTES, api } from '@cbc/shared';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { AppError } from '../errors/app-error';
import { contractRoute } from '../http/contract-route';
import { okReplyJson } from '../http/serializer-compiler';
import { sendStoredJson } from '../http/stored-json';
import { noStore } from '../http/no-store';
import { requestLanguage } from '../i18n/request-language';
import { currentUser } from '../plugins/auth';
import { PhotoMissingError, PhotoNotImageError, PhotoTooLargeError, PhotoTooManyError } from './errors';
import { sniffImage } from './id-photos';

/**
 * The ID-photo upload, the one route that reads a multipart body, with the multipart parser in a scope
 * of its own: the plugin's hooks (a close listener at every request, a temp-file clean-up at every
 * response) and its content-type parser stay off the other card routes, the card list among them.
 */
const idPhotoUploadRoute: FastifyPluginAsyncZod = async (scope) => {
  // Only as far as one photo needs.
  await scope.register(multipart, {
    limits: { fileSize: ID_PHOTO_MAX_BYTES, files: 1, fields: 4, fieldSize: 1024, parts: 5, headerPairs: 20 },
  });
  const service = scope.cardsService;

  scope.route({
    ...contractRoute(scope, api.uploadIdPhoto, {
      description:
        'multipart/form-data with exactly one file part, named `photo`. The type is read from the bytes ' +
        '(a whole PNG or a JPEG with a valid frame header and end marker), not from the file name or Content-Type. The photo is stored outside every served folder, never returned, ' +
        'and deleted when the card is unbound.',
      consumes: ['multipart/form-data'],
    }),
    handler: async (request) => {
      const user = currentUser(request);
      const { id } = request.params;
      // Another user's card id is refused before a byte of the upload is read.
      await service.assertOwned(user.id, id);
      if (!request.isMultipart()) throw new AppError('UNSUPPORTED_MEDIA_TYPE', 415);

      // Exactly one file part, named `photo`: every part is read, so a second file is refused instead of
      // silently dropped. Text fields are ignored (the multipart limits bound them).
      let photo: { bytes: Buffer; truncated: boolean } | undefined;
      try {
        for await (const part of request.parts()) {
          if (part.type !== 'file') continue;
          if (photo !== undefined) {
            part.file.resume();
            throw new PhotoTooManyError();
          }
          if (part.fieldname !== ID_PHOTO_FIELD) {
            part.file.resume();
            throw new PhotoMissingError();
          }
          photo = { bytes: await part.toBuffer(), truncated: part.file.truncated };
        }
      } catch (error) {
        if (error instanceof scope.multipartErrors.RequestFileTooLargeError) throw new PhotoTooLargeError();
        // Beyond the one file the limits allow: busboy skips the second file and reports the limit.
        if (error instanceof scope.multipartErrors.FilesLimitError) throw new PhotoTooManyError();
        // A malformed multipart body (no boundary, cut off mid-part) is the client's mistake, not ours.
        if (!(error instanceof AppError) && typeof (error as { statusCode?: unknown }).statusCode !== 'number') {
          throw new AppError('BAD_REQUEST', 400, {}, ID_PHOTO_FIELD);
        }
        throw error;
      }
      if (!photo) throw new PhotoMissingError();
      const { bytes, truncated } = photo;
      // Belt and braces: a truncated stream is too large even if the error was not raised.
      if (truncated) throw new PhotoTooLargeError();
      const kind = sniffImage(bytes);
      if (!kind) throw new PhotoNotImageError();
      return service.attachPhoto(user.id, id, bytes, kind);
    },
  });
};

/** The card list's key among a user's kept replies (`cardOwnerReplies`). */
const CARD_LIST_REPLY = 'cards';

const cardsRoutes: FastifyPluginAsyncZod = async (app) => {
  const { listCards, bindCard, getCard, updateCard, unbindCard } = api;
  const service = app.cardsService;
  app.addHook('onRequest', noStore);

  app.route({
    ...contractRoute(app, listCards),
    // sendStoredJson compresses a kept reply once: the plugin would again for every request.
    compress: false,
    handler: async (request, reply) => {
      const userId = currentUser(request).id;
      const list = await app.cardOwnerReplies.reply(userId, CARD_LIST_REPLY, async () => ({
        json: okReplyJson(listCards, await service.list(userId)),
        compression: 'quick',
      }));
      return sendStoredJson(request, reply, list);
    },
  });

  app.route({
    ...contractRoute(app, bindCard),
    handler: async (request, reply) => {
      const card = await service.bind(currentUser(request), request.body, requestLanguage(request));
      return reply.code(201).send(card);
    },
  });

  app.route({
    ...contractRoute(app, getCard),
    handler: async (request) => service.get(currentUser(request).id, request.params.id),
  });

  app.route({
    ...contractRoute(app, updateCard),
    handler: async (request) => service.makeDefault(currentUser(request).id, request.params.id),
  });

  app.route({
    ...contractRoute(app, unbindCard),
    handler: async (request, reply) => {
      await service.unbind(currentUser(request), request.params.id, requestLanguage(request));
      return reply.code(204).send(null);
    },
  });

  await app.register(idPhotoUploadRoute);
};

export default cardsRoutes;
