import { randomUUID } from 'node:crypto';
import type * as vscode from 'vscode';
import { normalizeFeedUrl } from '../core/calendar/feedUrl';

const FEEDS_SECRET = 'handsOn.calendar.feeds';
/** Where an unreadable value of FEEDS_SECRET is copied before anything else happens, so no saved address is ever lost. */
export const UNREADABLE_FEEDS_SECRET = 'handsOn.calendar.feeds.unreadable';

/** The saved feed list exists but cannot be read: nothing is written over it until the user removes or fixes it. */
export class UnreadableFeedsError extends Error {
  constructor() {
    super(`the saved calendar feeds cannot be read; they are left as they are (a copy is kept in secret storage as ${UNREADABLE_FEEDS_SECRET}), and feeds cannot be added or removed until this is fixed`);
    this.name = 'UnreadableFeedsError';
  }
}

export interface StoredFeed {
  id: string;
  url: string;
}

/** Feed URLs live in SecretStorage (the OS keychain); files and folders in the machine-scoped setting. */
export class FeedStore {
  constructor(private readonly secrets: vscode.SecretStorage) {}

  /** The saved feeds; an UnreadableFeedsError when the stored list does not parse (after copying it aside). */
  async list(): Promise<StoredFeed[]> {
    const raw = await this.secrets.get(FEEDS_SECRET);
    if (!raw) return [];
    const feeds = parseFeeds(raw);
    if (feeds) return feeds;
    if ((await this.secrets.get(UNREADABLE_FEEDS_SECRET)) !== raw) await this.secrets.store(UNREADABLE_FEEDS_SECRET, raw);
    throw new UnreadableFeedsError();
  }

  async add(url: string): Promise<StoredFeed> {
    const feeds = await this.list();
    const normalized = normalizeFeedUrl(url);
    const existing = feeds.find((feed) => feed.url === normalized);
    if (existing) return existing;
    const feed = { id: randomUUID(), url: normalized };
    await this.secrets.store(FEEDS_SECRET, JSON.stringify([...feeds, feed]));
    return feed;
  }

  async remove(id: string): Promise<void> {
    const feeds = await this.list();
    await this.secrets.store(FEEDS_SECRET, JSON.stringify(feeds.filter((feed) => feed.id !== id)));
  }
}

/** The stored list, or undefined unless it is an array of feeds each with a string id and url. */
function parseFeeds(raw: string): StoredFeed[] | undefined {
  let parsed: unknown;
  try {
    parsed = JSON.parse(raw);
  } catch {
    return undefined;
  }
  if (!Array.isArray(parsed)) return undefined;
  const feeds = parsed.filter((f): f is StoredFeed => typeof f?.id === 'string' && typeof f?.url === 'string');
  return feeds.length === parsed.length ? feeds : undefined;
}
