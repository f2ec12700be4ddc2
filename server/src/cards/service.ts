import { randomUUID } from 'node:crypto';
import {
  CARDS,
  MAX_CARDS_PER_ACCOUNT,
  formatPlate,
  maskCardNumber,
  maskIdNumber,
  normalizeCardNumber,
  normalizeIdNumber,
  normalizePlate,
  recipientOf,
  type BindCardRequest,
  type BoundCard,
  type CardList,
  type Language,
  type PlateRegion,
} from '@cbc/shared';
import type { Kysely } from 'kysely';
import { createRecentReads } from '../cache/recent-reads';
import type { Clock } from '../clock';
import { isUniqueViolation } from '../db/errors';
import type { CardRow, Database, SessionUser } from '../db/schema/index';
import type { MessagesService } from '../messages/service';
import type { KeyedHasher } from '../security/keyed-hash';
import { CardAlreadyBoundError, CardBoundElsewhereError, CardLimitReachedError, CardNotFoundError } from './errors';
import type { IdPhotoStore, ImageKind } from './id-photos';
import {
  countCards,
  deleteCard,
  findCard,
  findCardOwnerByNumberHash,
  insertCard,
  lockAccountCards,
  listCards,
  oldestCard,
  setCardPhoto,
  setDefaultCard,
  type CardViewRow,
} from './queries';

export interface CardsService {
  list(userId: string): Promise<CardList>;
  /** Throws CardNotFoundError for an unknown id and for another user's card alike. */
  get(userId: string, id: string): Promise<BoundCard>;
  /**
   * What an order needs of a card (`get` for an unknown or another user's card, and for a card not yet
   * verified). Kept once verified: a verified card's type, number and owner never change, so orders for it
   * need not read it again. Whether it is still bound is for the order's own insert to check.
   */
  orderable(userId: string, id: string): Promise<OrderableCard>;
  bind(user: SessionUser, input: BindCardRequest, lang: Language): Promise<BoundCard>;
  makeDefault(userId: string, id: string): Promise<BoundCard>;
  unbind(user: SessionUser, id: string, lang: Language): Promise<void>;
  /** Checks the card before an upload is read, so a foreign id costs no parsing and no disk write. */
  assertOwned(userId: string, id: string): Promise<void>;
  attachPhoto(userId: string, id: string, bytes: Buffer, kind: ImageKind): Promise<BoundCard>;
}

export type OrderableCard = Pick<BoundCard, 'id' | 'type' | 'numberMasked' | 'verification'>;

/** Nothing kept here changes; the TTL only lets cards no longer ordered for leave memory. */
const ORDERABLE_CARD_TTL_MS = 10 * 60_000;

export interface CardsServiceDeps {
  db: Kysely<Database>;
  clock: Clock;
  hasher: KeyedHasher;
  messages: MessagesService;
  photos: IdPhotoStore;
}

interface StoredPlate {
  region: PlateRegion;
  number: string;
}

export function toBoundCard(row: CardViewRow): BoundCard {
  const plates = JSON.parse(row.platesJson) as StoredPlate[];
  return {
    id: row.id,
    type: row.cardType,
    numberMasked: row.numberMasked,
    plates: plates.map((plate) => ({ region: plate.region, number: formatPlate(plate.region, plate.number) })),
    holder: { idType: row.idType, idNumberMasked: row.idNumberMasked },
    verification: row.verification,
    isDefault: row.isDefault === 1,
    sample: row.isSample === 1,
    balance: { amountMinor: Number(row.balanceMinor), currency: row.currency },
    lastTopup:
      row.lastTopupMinor === null || row.lastTopupAt === null
        ? null
        : { amount: { amountMinor: Number(row.lastTopupMinor), currency: row.currency }, at: row.lastTopupAt },
    createdAt: row.createdAt,
  };
}

export function createCardsService(deps: CardsServiceDeps): CardsService {
  const { db, clock, hasher, messages, photos } = deps;

  const orderableCards = createRecentReads<string, OrderableCard>({
    ttlMs: ORDERABLE_CARD_TTL_MS,
    keep: (card) => card.verification === 'verified',
  });

  const mustFind = async (executor: Kysely<Database>, userId: string, id: string) => {
    const row = await findCard(executor, userId, id);
    if (!row) throw new CardNotFoundError();
    return row;
  };

  return {
    async list(userId) {
      return { cards: (await listCards(db, userId)).map(toBoundCard) };
    },

    async get(userId, id) {
      return toBoundCard(await mustFind(db, userId, id));
    },

    orderable(userId, id) {
      return orderableCards.read(`${userId}/${id}`, async () => {
        const card = toBoundCard(await mustFind(db, userId, id));
        return { id: card.id, type: card.type, numberMasked: card.numberMasked, verification: card.verification };
      });
    },

    async bind(user, input, lang) {
      const number = normalizeCardNumber(input.number);
      // Neither number is stored: a mask to show and a keyed hash to recognise it again.
      const numberHash = hasher.hash('card', number);
      const idNumber = normalizeIdNumber(input.idDocument.type, input.idDocument.number);
      const plates: StoredPlate[] = [];
      for (const plate of input.plates) {
        const normalized = normalizePlate(plate.region, plate.number);
        if (!plates.some((p) => p.region === plate.region && p.number === normalized))
          plates.push({ region: plate.region, number: normalized });
      }
      const row: CardRow = {
        id: randomUUID(),
        userId: user.id,
        cardType: input.type,
        numberHash,
        numberMasked: maskCardNumber(number),
        platesJson: JSON.stringify(plates),
        idType: input.idDocument.type,
        idNumberMasked: maskIdNumber(input.idDocument.type, idNumber),
        // Type and number together: the same characters on two kinds of document are two holders.
        idNumberHash: hasher.hash('id', `${input.idDocument.type}:${idNumber}`),
        idPhotoFile: null,
        verification: 'photo_required',
        isDefault: 0,
        isSample: input.sample ? 1 : 0,
        balanceMinor: 0,
        lastTopupMinor: null,
        lastTopupAt: null,
        currency: CARDS[input.type].currency,
        createdAt: clock().toISOString(),
      };

      const conflict = async (executor: Kysely<Database>) => {
        const owner = await findCardOwnerByNumberHash(executor, numberHash);
        if (!owner) return undefined;
        return owner.userId === user.id ? new CardAlreadyBoundError() : new CardBoundElsewhereError();
      };

      try {
        await db.transaction().execute(async (trx) => {
          await lockAccountCards(trx, user.id);
          const taken = await conflict(trx);
          if (taken) throw taken;
          const count = await countCards(trx, user.id);
          if (count >= MAX_CARDS_PER_ACCOUNT) throw new CardLimitReachedError();
          row.isDefault = count === 0 ? 1 : 0;
          await insertCard(trx, row);
          await messages.send(
            {
              notice: { kind: 'card_bound', cardType: input.type, number: row.numberMasked },
              channel: 'app',
              to: recipientOf(user),
              lang,
              userId: user.id,
            },
            trx,
          );
        });
      } catch (error) {
        // A parallel bind of the same number won the unique index.
        if (isUniqueViolation(error)) throw (await conflict(db)) ?? error;
        throw error;
      }
      return toBoundCard(row);
    },

    async makeDefault(userId, id) {
      const row = await db.transaction().execute(async (trx) => {
        await lockAccountCards(trx, userId);
        await mustFind(trx, userId, id);
        await setDefaultCard(trx, userId, id);
        return mustFind(trx, userId, id);
      });
      return toBoundCard(row);
    },

    async unbind(user, id, lang) {
      const removed = await db.transaction().execute(async (trx) => {
        await lockAccountCards(trx, user.id);
        const row = await mustFind(trx, user.id, id);
        if (!(await deleteCard(trx, user.id, id))) throw new CardNotFoundError();
        if (row.isDefault === 1) {
          // The oldest remaining card takes over, so an account with cards always has a default.
          const next = await oldestCard(trx, user.id);
          if (next) await setDefaultCard(trx, user.id, next.id);
        }
        await messages.send(
          {
            notice: { kind: 'card_unbound', cardType: row.cardType, number: row.numberMasked },
            channel: 'app',
            to: recipientOf(user),
            lang,
            userId: user.id,
          },
          trx,
        );
        return row;
      });
      // After the commit: a rolled-back unbind must not have lost its photo.
      if (removed.idPhotoFile) await photos.remove(removed.idPhotoFile);
    },

    async assertOwned(userId, id) {
      await mustFind(db, userId, id);
    },

    async attachPhoto(userId, id, bytes, kind) {
      const fileName = await photos.save(bytes, kind);
      let previous: string | null;
      try {
        // The old file name is read and the new one written in one transaction, so two uploads at
        // once cannot both miss the file the other replaced.
        previous = await db.transaction().execute(async (trx) => {
          const row = await mustFind(trx, userId, id);
          if (!(await setCardPhoto(trx, userId, id, fileName))) throw new CardNotFoundError();
          return row.idPhotoFile;
        });
      } catch (error) {
        // Unbound while the upload was running, or the write failed: keep no orphan file.
        await photos.remove(fileName);
        throw error;
      }
      // The previous photo is replaced, not kept.
      if (previous && previous !== fileName) await photos.remove(previous);
      return toBoundCard(await mustFind(db, userId, id));
    },
  };
}
