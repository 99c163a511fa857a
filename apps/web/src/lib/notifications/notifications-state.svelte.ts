import type { NotificationList, NotificationView } from '@quorum/api-schema';
import { apiRequest } from '$lib/api/index.ts';

/** Options of {@link NotificationsState}. */
export interface NotificationsStateOptions {
  /** Opens the event stream; the browser's `EventSource` by default. */
  openStream?: (url: string) => EventSource;
}

/**
 * The signed-in person's notifications: the unread count and the latest ones, kept live through
 * `GET /api/notifications/events` (a new one, or some marked read in another tab).
 */
export class NotificationsState {
  unread = $state(0);
  items = $state<NotificationView[]>([]);
  loaded = $state(false);
  error = $state<string | null>(null);

  readonly #openStream: (url: string) => EventSource;

  constructor({
    openStream = (url) => new EventSource(url, { withCredentials: true }),
  }: NotificationsStateOptions = {}) {
    this.#openStream = openStream;
  }

  /** Opens the live stream; returns how to close it. */
  start(): () => void {
    const source = this.#openStream('/api/notifications/events');
    const data = (event: Event) => JSON.parse((event as MessageEvent<string>).data);
    source.addEventListener('ready', (event) => {
      this.unread = (data(event) as { unread: number }).unread;
      if (this.loaded) void this.load();
    });
    source.addEventListener('notification', (event) => {
      const notification = data(event) as NotificationView;
      if (this.items.some((n) => n.id === notification.id)) return;
      this.items = [notification, ...this.items].slice(0, 50);
      if (!notification.readAt) this.unread += 1;
    });
    source.addEventListener('read', (event) => {
      this.unread = (data(event) as { unread: number }).unread;
      if (this.unread === 0)
        this.items = this.items.map((n) => (n.readAt ? n : { ...n, readAt: new Date().toISOString() }));
    });
    source.addEventListener('signed-out', () => source.close());
    return () => source.close();
  }

  /** Loads the latest notifications. */
  async load(): Promise<void> {
    try {
      const list = await apiRequest<NotificationList>('GET', '/api/notifications?limit=30');
      this.items = list.notifications;
      this.unread = list.unread;
      this.loaded = true;
      this.error = null;
    } catch (error) {
      this.error = error instanceof Error ? error.message : 'Notifications could not be loaded.';
    }
  }

  /** Marks the unread notifications shown read (the bell was opened). */
  async markShownRead(): Promise<void> {
    const ids = this.items.filter((n) => !n.readAt).map((n) => n.id);
    if (ids.length === 0) return;
    const { unread } = await apiRequest<{ unread: number }>('POST', '/api/notifications/read', { body: { ids } });
    const now = new Date().toISOString();
    this.items = this.items.map((n) => (ids.includes(n.id) ? { ...n, readAt: now } : n));
    this.unread = unread;
  }
}
