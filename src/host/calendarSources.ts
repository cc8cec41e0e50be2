import { randomUUID } from 'node:crypto';
import { basename } from 'node:path';
import type * as vscode from 'vscode';
import { normalizeFeedUrl } from '../core/calendar/feedUrl';
import { redactUrl } from '../node/calendar/redact';
import type { SourceStatus } from '../core/balance/balanceInputs';

const FEEDS_SECRET = 'handsOn.calendar.feeds';

/** A calendar the user connected. `spec` is a path or, for feeds, the secret URL: never shown, logged or stored in settings. */
export interface CalendarSource {
  /** Stable id for the cache; for a feed a random id, so the URL is not derivable from file names. */
  id: string;
  kind: SourceStatus['kind'];
  spec: string;
  label: string;
}

interface StoredFeed {
  id: string;
  url: string;
}

/** Feed URLs live in SecretStorage (the OS keychain); files and folders in the machine-scoped setting. */
export class FeedStore {
  constructor(private readonly secrets: vscode.SecretStorage) {}

  async list(): Promise<StoredFeed[]> {
    const raw = await this.secrets.get(FEEDS_SECRET);
    if (!raw) return [];
    try {
      const parsed = JSON.parse(raw) as unknown;
      return Array.isArray(parsed) ? parsed.filter((f): f is StoredFeed => typeof f?.id === 'string' && typeof f?.url === 'string') : [];
    } catch {
      return [];
    }
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

export function feedSource(feed: StoredFeed): CalendarSource {
  return { id: `feed:${feed.id}`, kind: 'url', spec: feed.url, label: redactUrl(feed.url) };
}

export function pathSource(path: string, isFolder: boolean): CalendarSource {
  return { id: `path:${path}`, kind: isFolder ? 'folder' : 'file', spec: path, label: basename(path) || path };
}
