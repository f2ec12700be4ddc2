import path from 'node:path';
import fp from 'fastify-plugin';
import type { SessionWithUser } from '../auth/queries';
import { createAuthService, type AuthService } from '../auth/service';
import { createSessionCache } from '../auth/session-cache';
import { listenToSessionChanges } from '../auth/session-changes';
import { createCardOwnerReplies, type CardOwnerReplies } from '../cards/owner-replies';
import { createCardsService, type CardsService } from '../cards/service';
import { createIdPhotoStore } from '../cards/id-photos';
import { createMessagesService, type MessagesService } from '../messages/service';
import { resolveAppSecret } from '../security/app-secret';
import { createKeyedHasher, type KeyedHasher } from '../security/keyed-hash';

declare module 'fastify' {
  interface FastifyInstance {
    messagesService: MessagesService;
    /** HMAC under the app secret, for features that must recognise a value without storing it. */
    keyedHasher: KeyedHasher;
    authService: AuthService;
    cardsService: CardsService;
    /** The card list and history pages, kept until a card or ledger entry of the user's changes. */
    cardOwnerReplies: CardOwnerReplies;
  }
}

/** Folder of the ID photos: inside DATA_DIR, which loadConfig keeps apart from the served STATIC_DIR. */
export const ID_PHOTO_DIR_NAME = 'id-photos';

/**
 * The services features share (auth and cards both write to the inbox), built once over the database,
 * the clock and the app secret. Features call each other through these, never through each other's tables.
 */
export default fp(
  async (app) => {
    const secret = await resolveAppSecret(app.config.appSecret, app.config.dataDir);
    const hasher = createKeyedHasher(secret);
    app.decorate('keyedHasher', hasher);
    const messages = createMessagesService({ db: app.db, clock: app.clock });
    app.decorate('messagesService', messages);
    const sessions = createSessionCache<SessionWithUser>({ ttlMs: app.config.sessionCacheMs });
    const { database } = app.config;
    if (database.dialect === 'postgres') {
      // Other instances change sessions too: this one forgets what they announce.
      const listener = await listenToSessionChanges(database.url, sessions, app.log);
      app.addHook('onClose', () => listener.close());
    }
    app.decorate(
      'authService',
      createAuthService({
        db: app.db,
        clock: app.clock,
        hasher,
        messages,
        sessionTtlDays: app.config.sessionTtlDays,
        sessions,
      }),
    );
    app.decorate(
      'cardsService',
      createCardsService({
        db: app.db,
        clock: app.clock,
        hasher,
        messages,
        photos: createIdPhotoStore(path.join(app.config.dataDir, ID_PHOTO_DIR_NAME)),
      }),
    );
    const ownerReplies = await createCardOwnerReplies({
      db: app.db,
      ttlMs: app.config.cardListCacheMs,
      ...(database.dialect === 'postgres' ? { postgres: { url: database.url, log: app.log } } : {}),
    });
    app.addHook('onClose', () => ownerReplies.close());
    app.decorate('cardOwnerReplies', ownerReplies);
  },
  { name: 'services', dependencies: ['db'] },
);
